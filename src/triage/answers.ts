// Free answers to a triage question, in four languages and without accents: oui/non, ja/nein,
// sì/no, yes/no, "partly", numbers, lists of institutions ("ORP et aide sociale"). The words are the
// lists answer.* of locales/<language>/answers.yaml.
import type { Language } from '../knowledge/schema.js';
import { allCues } from '../locales.js';
import { fold, words } from '../understanding/normalize.js';
import { PhraseMatcher, questionWords } from '../understanding/phrases.js';
import { INSTITUTION_PHRASES } from '../understanding/vocabulary.js';
import { definitionOf, type FactName, type FactValue } from './facts.js';

/** An answer read: a value, "don't know", or nothing usable (`empty`: a list confirmed with nothing ticked). */
export type Parsed = { ok: true; value: FactValue } | { ok: true; skip: true } | { ok: false; empty?: boolean };

const YES = new Set(allCues('answer.yes'));
const NO = new Set(allCues('answer.no'));
/** "Don't know", and a lone "?" (no folded word, so not in the locale files). */
const SKIP = [...allCues('answer.unknown'), '?'];
const NONE_WORDS = new Set(allCues('answer.none'));

/** Extra words for enum values and list items, beyond their labels (the lists answer.value.<value>). */
const SYNONYMS: Record<string, string[]> = Object.fromEntries(
  ['full', 'partial', 'none', 'realistic', 'needs-assessment', 'health', 'no-sufficient-income', 'no-work', 'social'].map((value) => [value, allCues(`answer.value.${value}`)]),
);

function matcherFor(fact: FactName): PhraseMatcher<string> {
  const definition = definitionOf(fact);
  const entries: [string, string][] = [];
  if (definition.type === 'enum' || definition.type === 'list') {
    for (const value of definition.values) {
      entries.push([value.replace(/-/g, ' '), value]);
      for (const label of Object.values(definition.labels[value] ?? {})) entries.push([label, value]);
      for (const synonym of SYNONYMS[value] ?? []) entries.push([synonym, value]);
    }
  }
  if (fact === 'institutions') {
    for (const [institution, phrases] of Object.entries(INSTITUTION_PHRASES)) for (const p of phrases) entries.push([p, institution]);
  }
  return new PhraseMatcher(entries, true);
}

const matchers = new Map<FactName, PhraseMatcher<string>>();
function matcher(fact: FactName): PhraseMatcher<string> {
  let m = matchers.get(fact);
  if (!m) matchers.set(fact, (m = matcherFor(fact)));
  return m;
}

/** Reads a free or button answer to the question about `fact`. */
export function parseAnswer(fact: FactName, text: string): Parsed {
  const folded = ` ${words(text).join(' ')} `;
  if (SKIP.some((s) => folded.includes(` ${s} `)) || text.trim() === '?') return { ok: true, skip: true };
  const definition = definitionOf(fact);
  const ws = questionWords(text);
  switch (definition.type) {
    case 'boolean': {
      const yes = ws.some((w) => YES.has(w));
      const no = ws.some((w) => NO.has(w));
      return yes !== no ? { ok: true, value: yes } : { ok: false };
    }
    case 'number': {
      const n = fold(text).match(/\d{1,3}/);
      const value = n ? Number(n[0]) : NaN;
      return Number.isFinite(value) && value >= definition.min && value <= definition.max ? { ok: true, value } : { ok: false };
    }
    case 'enum': {
      const index = Number(text.trim());
      if (Number.isInteger(index) && index >= 1 && index <= definition.values.length) return { ok: true, value: definition.values[index - 1]! };
      const hits = [...new Set(matcher(fact).find(ws).map((h) => h.value))];
      // A plain "no" to "what is their work capacity?" means none; more than one reading is not an answer.
      return hits.length === 1 ? { ok: true, value: hits[0]! } : { ok: false };
    }
    case 'list': {
      if (ws.length > 0 && ws.every((w) => NONE_WORDS.has(w))) return { ok: true, value: [] };
      const numbers = text.match(/\d+/g)?.map(Number) ?? [];
      const byNumber = numbers.filter((n) => n >= 1 && n <= definition.values.length).map((n) => definition.values[n - 1]!);
      const hits = matcher(fact).find(ws).map((h) => h.value);
      const values = definition.values.filter((v) => hits.includes(v) || byNumber.includes(v));
      return values.length > 0 ? { ok: true, value: values } : { ok: false };
    }
  }
}

export interface Choice {
  label: string;
  /** What the button sends back: a fact's own value ("true", "partial", "AC"), or "skip". */
  value: string;
}

export const SKIP_VALUE = 'skip';
/** A list's "none of these" button. */
export const NONE_VALUE = 'none';

export const YES_NO_UNKNOWN: Record<Language, [string, string, string]> = {
  fr: ['oui', 'non', 'je ne sais pas'],
  de: ['ja', 'nein', 'weiss nicht'],
  it: ['sì', 'no', 'non so'],
  en: ['yes', 'no', "don't know"],
};

/** Buttons for a question: yes/no, the options of an enum, the items of a list; "don't know" last. */
export function choicesFor(fact: FactName, language: Language): Choice[] {
  const definition = definitionOf(fact);
  const [yes, no, unknown] = YES_NO_UNKNOWN[language];
  const skip = { label: unknown, value: SKIP_VALUE };
  if (definition.type === 'boolean') return [{ label: yes, value: 'true' }, { label: no, value: 'false' }, skip];
  if (definition.type === 'enum' || definition.type === 'list') {
    return [...definition.values.map((v) => ({ label: definition.labels[v]![language], value: v })), skip];
  }
  return [skip];
}

/**
 * A value as a card or a form sends it: a boolean, a number, an enum value, a list (an array or
 * the comma-separated string Input.ChoiceSet sends), "skip" or "none"; anything else is read like
 * a typed answer.
 */
export function parseValue(fact: FactName, raw: unknown): Parsed {
  if (raw === SKIP_VALUE) return { ok: true, skip: true };
  const definition = definitionOf(fact);
  switch (definition.type) {
    case 'boolean':
      if (raw === true || raw === 'true') return { ok: true, value: true };
      if (raw === false || raw === 'false') return { ok: true, value: false };
      break;
    case 'number': {
      if (raw === undefined || raw === null || raw === '') return { ok: false, empty: true };
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (Number.isInteger(n) && n >= definition.min && n <= definition.max) return { ok: true, value: n };
      break;
    }
    case 'enum':
      if (typeof raw === 'string' && definition.values.includes(raw)) return { ok: true, value: raw };
      break;
    case 'list': {
      if (raw === NONE_VALUE) return { ok: true, value: [] };
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').map((v) => v.trim()).filter(Boolean) : undefined;
      if (items && items.length === 0) return { ok: false, empty: true };
      if (items?.every((v) => definition.values.includes(v))) return { ok: true, value: definition.values.filter((v) => items.includes(v)) };
      break;
    }
  }
  return typeof raw === 'string' ? parseAnswer(fact, raw) : { ok: false };
}

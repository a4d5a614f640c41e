// The facts about a person a question states ("touche une rente AI partielle", "nur beim RAV",
// "situation pas vraiment complexe"), in the triage's vocabulary (src/triage/facts.ts). The phrases
// of each fact and value are data, per language (locales/<language>/facts.yaml, lists
// fact.<fact>.<value>); the institutions are those the Query found. A negation shortly before a
// phrase makes a yes a no and takes a value out of a list; "only" before a list's values says the
// list is complete, otherwise the values not named stay open.
import { LANGUAGES } from '../knowledge/schema.js';
import { allCues, cueNames, LocaleError } from '../locales.js';
import { FACT_NAMES, definitionOf, type FactName, type PersonFacts } from '../triage/facts.js';
import { STOPWORDS } from '../search/stopwords.js';
import { isCommonWord } from '../search/everyday.js';
import { typoDistance } from './phrases.js';
import { words } from './normalize.js';
import type { Query } from './query.js';
import { NEGATION_WORDS } from './vocabulary.js';

/** A run of the question's words. */
export interface Span {
  at: number;
  length: number;
}

/** How a cue word meets a question's word: itself or its start (plurals, compounds), or with typos. */
function wordMatch(word: string, cue: string): 'exact' | 'fuzzy' | undefined {
  if (word === cue || (cue.length >= 5 && word.startsWith(cue))) return 'exact';
  // The first letter is never the typo: checking it first keeps this cheap. A common word is no
  // typo of another ("abgeschlossen" is not "ausgeschlossen").
  const allowed = cue.length >= 9 ? 2 : cue.length >= 6 ? 1 : 0;
  if (allowed > 0 && word[0] === cue[0] && Math.abs(word.length - cue.length) <= allowed && typoDistance(word, cue) <= allowed && !LANGUAGES.some((l) => isCommonWord(word, l))) return 'fuzzy';
  return undefined;
}

interface PhraseHit extends Span {
  /** Every word as the cue writes it or its start, none with a typo. */
  exact: boolean;
  /** Every word as the cue writes it: no longer word ("arbeitslos" is not all of "Arbeitslosenversicherung"). */
  whole: boolean;
  /** The question's function words passed over inside the span. */
  skipped: number[];
}

/**
 * A cue phrase in the question's words from position `at`: each word in turn, a function word of
 * the question allowed between two of them ("compte comme [un] cas CII").
 */
function phraseFrom(ws: readonly string[], cue: readonly string[], at: number): PhraseHit | undefined {
  // Most places fail on the first word: nothing is allocated for them.
  if (at >= ws.length || !wordMatch(ws[at]!, cue[0]!)) return undefined;
  let i = at;
  let exact = true;
  let whole = true;
  const skipped: number[] = [];
  for (let k = 0; k < cue.length; k++) {
    if (k > 0 && i < ws.length && !wordMatch(ws[i]!, cue[k]!) && STOPWORDS.has(ws[i]!)) skipped.push(i++);
    const m = i < ws.length ? wordMatch(ws[i]!, cue[k]!) : undefined;
    if (!m) return undefined;
    exact &&= m === 'exact';
    whole &&= ws[i] === cue[k];
    i++;
  }
  return { at, length: i - at, exact, whole, skipped };
}

/** Every place where one of the phrases occurs. */
export function phrasesIn(ws: readonly string[], phrases: readonly string[][]): Span[] {
  const found: Span[] = [];
  for (const cue of phrases) {
    for (let at = 0; at < ws.length; at++) {
      const hit = phraseFrom(ws, cue, at);
      if (hit) found.push({ at: hit.at, length: hit.length });
    }
  }
  return found;
}

/** A list of cue phrases in every language, as words. */
export function cuePhrases(name: string): string[][] {
  return allCues(name).map((p) => words(p));
}

interface FactCue {
  fact: FactName;
  /** "yes"/"no" for a yes-or-no fact, a value for a choice or a list, "unit" for a number's unit. */
  value: string;
  words: string[];
}

const FACT_LIST = /^fact\.([A-Za-z0-9]+)\.([A-Za-z0-9-]+)$/;

/** The phrases of every fact, checked against the vocabulary: a list naming an unknown fact or value stops the start. */
function factCues(): FactCue[] {
  return cueNames('fr')
    .filter((name) => name.startsWith('fact.'))
    .flatMap((name) => {
      const [, fact, value] = FACT_LIST.exec(name) ?? [];
      if (!fact || !(FACT_NAMES as string[]).includes(fact)) throw new LocaleError(`locales/*/facts.yaml: cues.${name}: no such fact`);
      const definition = definitionOf(fact as FactName);
      const values = { boolean: ['yes', 'no'], number: ['unit'], enum: 'values' in definition ? [...definition.values] : [], list: 'values' in definition ? [...definition.values] : [] }[definition.type];
      if (!values.includes(value!)) throw new LocaleError(`locales/*/facts.yaml: cues.${name}: ${fact} takes ${values.join(', ')}`);
      // The Query recognises institutions; their words are in cues.yaml, once.
      if (fact === 'institutions') throw new LocaleError(`locales/*/facts.yaml: cues.${name}: institutions are read from cues.yaml (institution.*)`);
      return allCues(name).map((p) => ({ fact: fact as FactName, value: value!, words: words(p) }));
    });
}

const CUES = factCues();
/** The phrases of values by the first letter of their first word: a phrase starts on a word with that letter. */
const CUES_BY_LETTER = new Map<string, FactCue[]>();
for (const cue of CUES.filter((c) => c.value !== 'unit')) {
  const letter = cue.words[0]![0]!;
  CUES_BY_LETTER.set(letter, [...(CUES_BY_LETTER.get(letter) ?? []), cue]);
}
const NEGATIONS = [...new Set([...NEGATION_WORDS, ...allCues('statement.negation')])].map((p) => words(p));
/** Words that end a negation's reach ("pas de rente, mais suivie par l'ORP"). */
const CLAUSE_ENDS = new Set(allCues('statement.clause'));
const ONLY = cuePhrases('statement.only');
/** How far before a phrase a negation reaches, and how far after "only" the list's values may start. */
const NEGATION_REACH = 3;
const ONLY_REACH = 6;

interface Hit extends PhraseHit {
  fact: FactName;
  value: string;
}

const overlaps = (a: Span, b: Span) => a.at < b.at + b.length && b.at < a.at + a.length;
/** Better: exact over fuzzy, then longer. */
const rank = (h: Hit) => (h.exact ? 1000 : 0) + h.length;

/** The fact phrases of the question; of overlapping ones, the best (equals stay: "situation complexe" says two facts). */
function factHits(ws: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  ws.forEach((w, at) => {
    for (const cue of CUES_BY_LETTER.get(w[0]!) ?? []) {
      const hit = phraseFrom(ws, cue.words, at);
      if (hit) hits.push({ ...hit, fact: cue.fact, value: cue.value });
    }
  });
  hits.sort((a, b) => rank(b) - rank(a));
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => overlaps(k, h) && rank(k) > rank(h))) kept.push(h);
  return kept;
}

/**
 * Whether a negation stands in the words just before a span (up to a clause's end) or among the
 * words passed over inside it ("situation [pas] complexe"); a phrase's own words ("pas de
 * travail") are no negation of it.
 */
function negated(ws: readonly string[], span: Span & { skipped?: number[] }): boolean {
  let from = span.at;
  while (from > 0 && span.at - from < NEGATION_REACH && !CLAUSE_ENDS.has(ws[from - 1]!)) from--;
  const before = ws.slice(from, span.at);
  const inside = (span.skipped ?? []).map((i) => ws[i]!);
  return NEGATIONS.some((n) => before.some((_, i) => phraseFrom(before, n, i)?.exact) || (n.length === 1 && inside.includes(n[0]!)));
}

/** Whether "only" ends shortly before a span. */
function onlyBefore(ws: readonly string[], span: Span): boolean {
  return phrasesIn(ws, ONLY).some((o) => o.at + o.length <= span.at && span.at - (o.at + o.length) < ONLY_REACH);
}

export interface StatedFacts {
  /** The facts the question states; a list holds the values named and not negated. */
  facts: PersonFacts;
  /** For a list named without "only": the values neither named nor negated, which may hold too. */
  open: Partial<Record<FactName, string[]>>;
  /** The lists named with "only". */
  complete: FactName[];
  /** The values a list's negation takes out ("ohne Sozialhilfe"). */
  absent: Partial<Record<FactName, string[]>>;
}

/** A number followed by a fact's unit ("52 ans", "55-jährig"). */
function numbers(ws: readonly string[]): PersonFacts {
  const facts: PersonFacts = {};
  for (const cue of CUES.filter((c) => c.value === 'unit')) {
    const definition = definitionOf(cue.fact);
    if (definition.type !== 'number') continue;
    ws.forEach((w, i) => {
      const n = Number(w);
      if (/^\d{1,3}$/.test(w) && n >= definition.min && n <= definition.max && phraseFrom(ws, cue.words, i + 1)?.exact) facts[cue.fact] = n;
    });
  }
  return facts;
}

/** The facts about a person the question states. */
export function statedFacts(q: Query): StatedFacts {
  const ws = q.words;
  const hits = factHits(ws);
  // A fact's phrase that holds an institution's name is about the fact ("rente AI" is a pension),
  // unless the name is more than the phrase ("Arbeitslosenversicherung" is no "arbeitslos" problem).
  const claimed = (m: Span) => hits.some((h) => overlaps(h, m) && (h.length > m.length || (h.length === m.length && h.whole)));
  const mentions = q.institutionMentions.filter((m) => !claimed(m));
  const facts: PersonFacts = numbers(ws);
  const lists = new Map<FactName, { present: Set<string>; absent: Set<string>; only: boolean }>();
  const choices = new Map<FactName, Set<string>>();
  const listOf = (fact: FactName) => lists.get(fact) ?? lists.set(fact, { present: new Set(), absent: new Set(), only: false }).get(fact)!;
  const items: (Span & { fact: FactName; value: string })[] = [
    ...mentions.map((m) => ({ ...m, fact: 'institutions' as FactName, value: m.institution as string })),
    ...hits.filter((h) => !mentions.some((m) => overlaps(h, m))),
  ];
  for (const item of items) {
    const no = negated(ws, item);
    const definition = definitionOf(item.fact);
    if (definition.type === 'list') {
      const list = listOf(item.fact);
      (no ? list.absent : list.present).add(item.value);
      list.only ||= !no && onlyBefore(ws, item);
    } else if (definition.type === 'boolean') {
      // "Not unemployable" says yes; two answers that disagree say nothing.
      const value = (item.value === 'yes') !== no ? 'yes' : 'no';
      choices.set(item.fact, (choices.get(item.fact) ?? new Set()).add(value));
    } else if (!no) {
      // A negated choice ("not fully able to work") does not say which other value holds.
      choices.set(item.fact, (choices.get(item.fact) ?? new Set()).add(item.value));
    }
  }
  for (const [fact, values] of choices) {
    if (values.size !== 1) continue;
    const [value] = values;
    facts[fact] = definitionOf(fact).type === 'boolean' ? value === 'yes' : value!;
  }
  const open: StatedFacts['open'] = {};
  const absent: StatedFacts['absent'] = {};
  const complete: FactName[] = [];
  for (const [fact, list] of lists) {
    const definition = definitionOf(fact);
    const both = [...list.present].filter((v) => list.absent.has(v));
    const present = [...list.present].filter((v) => !both.includes(v));
    facts[fact] = present;
    if (list.absent.size > 0) absent[fact] = [...list.absent].filter((v) => !both.includes(v));
    if (list.only) complete.push(fact);
    else open[fact] = ('values' in definition ? definition.values : []).filter((v) => !present.includes(v) && !absent[fact]?.includes(v));
  }
  return { facts, open, complete, absent };
}

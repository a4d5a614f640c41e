// "Does Glarus count a person whose AI pension is under review as a CII case?": the facts of the
// triage vocabulary the question names, and the canton's rule evaluated on them, with the criteria
// that decide and their sources. Computed from the rule, never searched.
import { colon } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { LANGUAGES, type CantonCode } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { STOPWORDS } from '../search/stopwords.js';
import { FACT_NAMES, definitionOf, type FactName, type PersonFacts } from '../triage/facts.js';
import { triageResult } from '../triage/result.js';
import { verdictLine } from '../triage/format.js';
import { valueText } from '../triage/describe.js';
import { words } from '../understanding/normalize.js';
import { phraseAt, type Query } from '../understanding/query.js';
import { NEGATION_WORDS } from '../understanding/vocabulary.js';
import { AnswerBuilder, type Answer } from './builder.js';

/** The share of a fact's words a question must hold to be about that fact. */
const FACT_MATCH = 0.6;
const PREFIX = 5;

const stem = (w: string) => w.slice(0, PREFIX);
/** A boolean fact's words in every language (its label and its question), as stems. */
const FACT_WORDS: [FactName, Set<string>[]][] = FACT_NAMES.filter((f) => definitionOf(f).type === 'boolean').map((f) => {
  const d = definitionOf(f);
  const sets = LANGUAGES.flatMap((l) => [d.label[l], d.question[l]]).map((text) => new Set(words(text).filter((w) => w.length > 2 && !STOPWORDS.has(w)).map(stem)));
  return [f, sets];
});

/**
 * The boolean facts the question clearly names, each with its value: false when "without"/"ohne"/
 * "pas de" comes just before its words.
 */
function factsIn(q: Query, canton: CantonCode, kb: KnowledgeBase): PersonFacts {
  const asked = q.words.map(stem);
  const inRule = new Set(triageResult(kb, canton, {}, 'fr').missing);
  const facts: PersonFacts = {};
  for (const [fact, sets] of FACT_WORDS) {
    if (!inRule.has(fact)) continue;
    const best = sets
      .map((set) => ({ set, matched: [...set].filter((w) => asked.includes(w)).length }))
      .filter(({ set, matched }) => matched >= 2 && matched / set.size >= FACT_MATCH)
      .sort((a, b) => b.matched / b.set.size - a.matched / a.set.size)[0];
    if (!best) continue;
    const first = asked.findIndex((w) => best.set.has(w));
    const before = q.words.slice(Math.max(0, first - 3), first);
    facts[fact] = !NEGATION_WORDS.some((n) => phraseAt(before, n).length > 0);
  }
  return facts;
}

const WORDS = catalog('eligibility', ['alone', 'these', 'still', 'full'] as const);

/** The canton's verdict on the facts the question names; undefined when it names none. */
export function eligibilityAnswer(kb: KnowledgeBase, q: Query, canton: CantonCode): Answer | undefined {
  const triage = kb.cantons.get(canton)!.triage;
  if (!q.topics.includes('criteria') || triage.status === 'no-formal-criteria') return undefined;
  const facts = factsIn(q, canton, kb);
  const named = Object.keys(facts) as FactName[];
  if (named.length === 0) return undefined;
  const lang = q.language;
  const sep = colon(lang);
  const result = triageResult(kb, canton, facts, lang);
  const b = new AnswerBuilder(kb, lang);
  b.heading(`${kb.cantons.get(canton)!.names[lang]}${sep}${named.map((f) => `${definitionOf(f).label[lang]}${sep}${valueText(f, facts[f]!, lang)}`).join(' · ')}`);
  b.line(`${(named.length === 1 ? WORDS.alone : WORDS.these)[lang]}${sep}${verdictLine(result, lang)}.`);
  b.cite(triage.source);
  for (const c of [...result.unmet, ...result.met]) {
    b.line(`${result.unmet.includes(c) ? '✗' : '✓'} ${c.criterion}`);
    if (c.source) b.cite({ document: c.source.document, where: c.source.where });
  }
  if (result.verdict === 'insufficient-information') b.line(`${WORDS.still[lang]}${sep}${result.missing.map((f) => definitionOf(f).question[lang]).join(' · ')}`);
  for (const note of result.notes) b.line(`⚠ ${note}`);
  b.line(WORDS.full[lang].replace('{canton}', canton));
  return b.build(0.9, [`triage ${canton}`], { kind: 'canton', code: canton, part: 'criteria' });
}

// "Does Glarus count a person whose AI pension is under review as a CII case?": one fact of the
// triage vocabulary read in the question and the canton's rule evaluated on it, with the criterion
// that decides and its source. Computed from the rule, never searched.
import type { Localized } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { LANGUAGES, type CantonCode } from '../knowledge/schema.js';
import { STOPWORDS } from '../search/stopwords.js';
import { FACT_NAMES, definitionOf, type FactName } from '../triage/facts.js';
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
 * The boolean fact the question is about, if one is clearly named, and its value: false when
 * "without"/"ohne"/"pas de" comes just before its words.
 */
function factIn(q: Query, canton: CantonCode, kb: KnowledgeBase): { fact: FactName; value: boolean } | undefined {
  const asked = q.words.map(stem);
  const inRule = new Set(triageResult(kb, canton, {}, 'fr').missing);
  let best: { fact: FactName; share: number; set: Set<string> } | undefined;
  for (const [fact, sets] of FACT_WORDS) {
    if (!inRule.has(fact)) continue;
    for (const set of sets) {
      const matched = [...set].filter((w) => asked.includes(w)).length;
      const share = set.size > 0 ? matched / set.size : 0;
      if (matched >= 2 && share >= FACT_MATCH && share > (best?.share ?? 0)) best = { fact, share, set };
    }
  }
  if (!best) return undefined;
  const first = asked.findIndex((w) => best.set.has(w));
  const before = q.words.slice(Math.max(0, first - 3), first);
  return { fact: best.fact, value: !NEGATION_WORDS.some((n) => phraseAt(before, n).length > 0) };
}

const WORDS = {
  alone: { fr: 'Avec ce seul fait', de: 'Mit dieser Angabe allein', it: 'Con questo solo fatto', en: 'With this fact alone' },
  still: { fr: 'Il faut encore savoir', de: 'Noch zu klären', it: 'Resta da sapere', en: 'Still to know' },
  full: { fr: 'Pour un triage complet : « triage {canton} »', de: 'Für eine vollständige Triage: «Triage {canton}»', it: 'Per un triage completo: «triage {canton}»', en: 'For a full triage: "triage {canton}"' },
} satisfies Record<string, Localized>;

/** The canton's verdict on the one fact the question names; undefined when it names none. */
export function eligibilityAnswer(kb: KnowledgeBase, q: Query, canton: CantonCode): Answer | undefined {
  if (!q.topics.includes('criteria') || kb.cantons.get(canton)!.triage.status === 'no-formal-criteria') return undefined;
  const found = factIn(q, canton, kb);
  if (!found) return undefined;
  const { fact, value } = found;
  const lang = q.language;
  const result = triageResult(kb, canton, { [fact]: value }, lang);
  const b = new AnswerBuilder(kb, lang);
  const colon = lang === 'fr' ? ' : ' : ': ';
  b.heading(`${kb.cantons.get(canton)!.names[lang]}${colon}${definitionOf(fact).label[lang]}${colon}${valueText(fact, value, lang)}`);
  b.line(`${WORDS.alone[lang]}${colon}${verdictLine(result, lang)}.`);
  for (const c of [...result.unmet, ...result.met]) {
    b.line(`${result.unmet.includes(c) ? '✗' : '✓'} ${c.criterion}`);
    if (c.source) b.cite({ document: c.source.document, where: c.source.where });
  }
  if (result.verdict === 'insufficient-information') b.line(`${WORDS.still[lang]}${colon}${result.missing.map((f) => definitionOf(f).question[lang]).join(' · ')}`);
  for (const note of result.notes) b.line(`⚠ ${note}`);
  b.line(WORDS.full[lang].replace('{canton}', canton));
  return b.build(0.9, [`triage ${canton}`], { kind: 'canton', code: canton, part: 'criteria' });
}

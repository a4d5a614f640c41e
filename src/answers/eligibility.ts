// "Does Glarus count a person whose AI pension is under review as a CII case?": the canton's
// rule evaluated on the facts the question states, with the criteria that decide and their
// sources; "does Zurich require consent?", "who is not a CII case in Glarus?", "how many
// institutions must be involved in Vaud?" from the same rule. Computed from the rule, never
// searched; where the rule holds no answer, the canton's criteria as the inventory gives them.
import { colon } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { CantonCode, Language } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { derive } from '../triage/derivations.js';
import type { CriterionResult } from '../triage/evaluate.js';
import { definitionOf, FACT_NAMES, type FactName, type PersonFacts } from '../triage/facts.js';
import { verdictLine } from '../triage/format.js';
import { valueText } from '../triage/describe.js';
import { triageResult } from '../triage/result.js';
import type { StatedFacts } from '../understanding/facts.js';
import type { Query } from '../understanding/query.js';
import { AnswerBuilder, type Answer } from './builder.js';
import { cantonAnswer } from './cantons.js';
import { eligibilityQuestion } from './eligibility-kind.js';
import { criteriaOf, criteriaReading, exclusionsOf, factsOfRule, institutionCountsOf, openEvaluation, type Criterion } from './eligibility-rule.js';

const WORDS = catalog('eligibility', [
  'alone', 'these', 'still', 'full', 'only', 'without', 'required', 'notRequired', 'criteria', 'excluded', 'excludedIntro', 'institutions', 'institutionsIntro',
] as const);

const CONFIDENCE = 0.9;

/**
 * The answer to a question about who is a CII case in the canton; undefined when it asks something
 * else. A requirement the rule does not decide gets the canton's criteria as `undecided` keeps
 * them: "does the commune have to pay?" may be about something else the canton does.
 */
export function eligibilityAnswer(kb: KnowledgeBase, q: Query, canton: CantonCode, undecided: (criteria: Answer) => Answer | undefined = (c) => c): Answer | undefined {
  const question = eligibilityQuestion(q);
  if (!question) return undefined;
  const criteriaPart = () => cantonAnswer(kb, { ...q, topics: ['criteria'] }, canton);
  // Without formal criteria there is nothing to evaluate: the inventory says what it says instead.
  const formal = kb.cantons.get(canton)!.triage.status !== 'no-formal-criteria';
  if (question.kind === 'requirement') return (formal ? requirementAnswer(kb, q.language, canton, question.stated) : undefined) ?? undecided(criteriaPart());
  if (!formal) return criteriaPart();
  switch (question.kind) {
    case 'verdict':
      return verdictAnswer(kb, q, canton, question.stated) ?? criteriaPart();
    case 'exclusions':
      return listAnswer(kb, q.language, canton, 'excluded', exclusionsOf(kb.cantons.get(canton)!.triage)) ?? criteriaPart();
    case 'institutionCount':
      return listAnswer(kb, q.language, canton, 'institutions', institutionCountsOf(kb.cantons.get(canton)!.triage)) ?? criteriaPart();
    case 'criteria':
      return criteriaPart();
  }
}

/**
 * The stated facts the canton's rule reads, directly or through a fact they imply (problems
 * make a multiple problem in Thurgau, where the problems themselves are no criterion).
 */
function relevant(kb: KnowledgeBase, canton: CantonCode, stated: StatedFacts): StatedFacts {
  const read = factsOfRule(kb.cantons.get(canton)!.triage);
  const { derived } = derive(stated.facts, kb.derivations.derivations);
  for (let grown = true; grown; ) {
    grown = false;
    for (const d of derived) {
      if (!read.has(d.fact)) continue;
      for (const f of d.from.filter((f) => !read.has(f))) {
        read.add(f);
        grown = true;
      }
    }
  }
  const keep = <T>(record: Partial<Record<FactName, T>>) => Object.fromEntries(Object.entries(record).filter(([f]) => read.has(f as FactName))) as Partial<Record<FactName, T>>;
  return { facts: keep(stated.facts) as PersonFacts, open: keep(stated.open), absent: keep(stated.absent), complete: stated.complete.filter((f) => read.has(f)) };
}

/** A stated fact in words: a list with "only" or the values it lacks ("AC / ORP, sans aide sociale"). */
function statedText(stated: StatedFacts, fact: FactName, language: Language): string {
  const definition = definitionOf(fact);
  const value = stated.facts[fact]!;
  if (definition.type !== 'list') return valueText(fact, value, language);
  const present = value as string[];
  const absent = (stated.absent[fact] ?? []).map((v) => definition.labels[v]![language]);
  const parts = [
    ...(present.length > 0 || absent.length === 0 ? [valueText(fact, present, language)] : []),
    ...(absent.length > 0 ? [`${WORDS.without[language]} ${absent.join(', ')}`] : []),
  ];
  return `${parts.join(', ')}${stated.complete.includes(fact) ? ` (${WORDS.only[language]})` : ''}`;
}

function criterionLine(b: AnswerBuilder, mark: string, c: Pick<CriterionResult, 'label' | 'source'>): void {
  b.line(`${mark} ${c.label[b.language]}`);
  if (c.source) b.cite(c.source);
}

function verdictAnswer(kb: KnowledgeBase, q: Query, canton: CantonCode, all: StatedFacts): Answer | undefined {
  const stated = relevant(kb, canton, all);
  const named = FACT_NAMES.filter((f) => stated.facts[f] !== undefined);
  // Facts the canton does not ask about: say so, with its criteria.
  if (named.length === 0) return requirementAnswer(kb, q.language, canton, all);
  const lang = q.language;
  const sep = colon(lang);
  const triage = kb.cantons.get(canton)!.triage;
  const evaluation = openEvaluation(kb, canton, stated);
  const b = new AnswerBuilder(kb, lang);
  b.heading(`${kb.cantons.get(canton)!.names[lang]}${sep}${named.map((f) => `${definitionOf(f).label[lang]}${sep}${statedText(stated, f, lang)}`).join(' · ')}`);
  b.line(`${(named.length === 1 ? WORDS.alone : WORDS.these)[lang]}${sep}${verdictLine(evaluation, lang)}.`);
  b.cite(triage.source);
  for (const c of evaluation.unmet) criterionLine(b, '✗', c);
  for (const c of evaluation.met) criterionLine(b, '✓', c);
  if (evaluation.verdict === 'insufficient-information') {
    for (const c of evaluation.unknown) criterionLine(b, '?', c);
    b.line(`${WORDS.still[lang]}${sep}${evaluation.missing.map((f) => definitionOf(f).question[lang]).join(' · ')}`);
  }
  return finish(b, kb, canton, stated.facts);
}

/**
 * The canton's caveats on its rule (an ambiguous cell, a cut-off row), facts that contradict each
 * other, the way to a full triage; the answer, about the canton's criteria.
 */
function finish(b: AnswerBuilder, kb: KnowledgeBase, canton: CantonCode, facts: PersonFacts = {}): Answer {
  for (const note of triageResult(kb, canton, facts, b.language).notes) b.line(`⚠ ${note}`);
  b.line(WORDS.full[b.language].replace('{canton}', canton));
  return b.build(CONFIDENCE, [`triage ${canton}`], { kind: 'canton', code: canton, part: 'criteria' });
}

/**
 * Each fact the question names (a list: each value), and whether the canton's criteria read it or
 * what it implies; undefined when it names nothing but values a list lacks.
 */
function requirementAnswer(kb: KnowledgeBase, lang: Language, canton: CantonCode, stated: StatedFacts): Answer | undefined {
  const sep = colon(lang);
  const triage = kb.cantons.get(canton)!.triage;
  const asked = FACT_NAMES.flatMap((fact) => {
    const value = stated.facts[fact];
    if (value === undefined) return [];
    const definition = definitionOf(fact);
    const values = definition.type === 'list' ? (value as string[]) : [undefined];
    return values.map((v) => {
      const implied = derive({ [fact]: v === undefined ? value : [v] }, kb.derivations.derivations).derived.map((d) => d.fact);
      const reading = [fact, ...implied].flatMap((f) => criteriaReading(triage, f, f === fact ? v : undefined));
      const label = v !== undefined && definition.type === 'list' ? definition.labels[v]![lang] : definition.label[lang];
      return { label, reading: [...new Set(reading)] };
    });
  });
  if (asked.length === 0) return undefined;
  const b = new AnswerBuilder(kb, lang);
  b.heading(`${kb.cantons.get(canton)!.names[lang]}${sep}${asked.map((a) => a.label).join(' · ')}`);
  b.cite(triage.source);
  for (const a of asked) b.line(`${a.label}${sep}${(a.reading.length > 0 ? WORDS.required : WORDS.notRequired)[lang]}`);
  // All the criteria, those that read what was asked marked.
  b.line(`${WORDS.criteria[lang]}${sep.trimEnd()}`);
  const reading = new Set(asked.flatMap((a) => a.reading));
  for (const c of criteriaOf(triage)) criterionLine(b, reading.has(c) ? '✓' : '•', c);
  return finish(b, kb, canton);
}

/** What a "not" excludes in words: the fact it negates when it is one ("AI pension received or under review"), else its criterion. */
function excludedText(c: Criterion, language: Language): string {
  const inner = 'not' in c ? c.not : undefined;
  return inner && 'fact' in inner && 'equals' in inner && inner.equals === true ? definitionOf(inner.fact).label[language] : c.label[language];
}

/** The criteria of one kind (exclusions, institution counts), or undefined when the rule has none. */
function listAnswer(kb: KnowledgeBase, lang: Language, canton: CantonCode, kind: 'excluded' | 'institutions', criteria: Criterion[]): Answer | undefined {
  if (criteria.length === 0) return undefined;
  const triage = kb.cantons.get(canton)!.triage;
  const b = new AnswerBuilder(kb, lang);
  b.heading(`${kb.cantons.get(canton)!.names[lang]} — ${WORDS[kind][lang]}`);
  b.line(`${WORDS[kind === 'excluded' ? 'excludedIntro' : 'institutionsIntro'][lang]}${colon(lang).trimEnd()}`);
  b.cite(triage.source);
  for (const c of criteria) {
    b.line(`• ${kind === 'excluded' ? excludedText(c, lang) : c.label[lang]}`);
    if (c.source) b.cite(c.source);
  }
  // The rest of the rule: a case must meet it too (in Vaud, three institutions for a recipient of social assistance).
  const asked = new Set(criteria.map((c) => c.label.fr));
  const others = criteriaOf(triage).filter((c) => !asked.has(c.label.fr));
  if (others.length > 0) b.line(`${WORDS.criteria[lang]}${colon(lang).trimEnd()}`);
  for (const c of others) criterionLine(b, '•', c);
  return finish(b, kb, canton);
}

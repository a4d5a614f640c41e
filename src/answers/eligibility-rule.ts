// What an eligibility answer reads in a canton's rule (knowledge/cantons/XX.yaml `triage:`): its
// criteria, those that read a given fact, those that exclude, those that count institutions; and
// the verdict on facts stated with a list left open ("beim RAV und Sozialhilfe": at least those
// two, perhaps others), which holds only when every way of completing the list gives it.
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { CantonCode, Source, Text } from '../knowledge/schema.js';
import { derive } from '../triage/derivations.js';
import { children, triageCanton, triageOf, type CriterionResult, type Evaluation, type Truth } from '../triage/evaluate.js';
import type { FactName, PersonFacts } from '../triage/facts.js';
import type { Rule, Triage } from '../triage/rules.js';
import type { StatedFacts } from '../understanding/facts.js';

/** A criterion a coordinator reads: a node of the rule with its label and, mostly, its source. */
export type Criterion = Rule & { label: Text; source?: Source };

type Leaf = Extract<Rule, { fact: FactName }>;

function leaves(node: Rule): Leaf[] {
  return 'fact' in node ? [node] : children(node).flatMap(leaves);
}

function labelled(node: Rule): Criterion[] {
  return node.label ? [node as Criterion] : children(node).flatMap(labelled);
}

function rules(triage: Triage): Rule[] {
  if (triage.status === 'rules') return [triage.rule];
  return triage.status === 'tiers' ? triage.tiers.map((t) => t.rule) : [];
}

/** The labelled criteria of every tier, outermost first, each once. */
export function criteriaOf(triage: Triage): Criterion[] {
  const all = rules(triage).flatMap(labelled);
  return [...new Map(all.map((c) => [c.label.fr, c])).values()];
}

/**
 * The criteria that read a fact: for a list's value, those that name that value ("contains AS",
 * "among AC, AI, AS"), not a mere count.
 */
export function criteriaReading(triage: Triage, fact: FactName, value?: string): Criterion[] {
  const reads = (leaf: Leaf) =>
    leaf.fact === fact && (value === undefined || ('contains' in leaf && leaf.contains === value) || ('among' in leaf && (leaf.among ?? []).includes(value)));
  return criteriaOf(triage).filter((c) => leaves(c).some(reads));
}

/** The criteria that exclude: "not" nodes every case must meet (under "all" from the root). */
export function exclusionsOf(triage: Triage): Criterion[] {
  const required = (node: Rule): Rule[] => ('all' in node ? node.all.flatMap(required) : [node]);
  return triage.status === 'rules' ? required(triage.rule).filter((n): n is Criterion => 'not' in n && Boolean(n.label)) : [];
}

/** The criteria that ask for a number of institutions. */
export function institutionCountsOf(triage: Triage): Criterion[] {
  return criteriaOf(triage).filter((c) => leaves(c).some((l) => l.fact === 'institutions' && 'countAtLeast' in l));
}

/** The facts a canton's rule reads. */
export function factsOfRule(triage: Triage): Set<FactName> {
  return new Set(triageCanton(triage, {}).missing);
}

/** Every list the facts could be once the open values are each in or out. */
function completions(facts: PersonFacts, open: StatedFacts['open']): PersonFacts[] {
  let all: PersonFacts[] = [facts];
  for (const [fact, values] of Object.entries(open) as [FactName, string[]][]) {
    for (const value of values) all = all.flatMap((f) => [f, { ...f, [fact]: [...(f[fact] as string[]), value] }]);
  }
  return all;
}

/**
 * The canton's evaluation of the stated facts: a verdict every completion of the open lists
 * shares, or insufficient information; a criterion met or unmet only when it is so in all of them.
 */
export function openEvaluation(kb: KnowledgeBase, code: CantonCode, stated: Pick<StatedFacts, 'facts' | 'open'>): Evaluation {
  const canton = kb.cantons.get(code)!;
  const evaluations = completions(stated.facts, stated.open).map((f) => triageOf(canton, derive(f, kb.derivations.derivations).facts));
  const first = evaluations[0]!;
  const outcomes = new Set(evaluations.map((e) => `${e.verdict}|${e.tier ?? ''}`));
  const values = new Map<string, { result: CriterionResult; values: Set<Truth> }>();
  for (const e of evaluations) {
    for (const r of [...e.met, ...e.unmet, ...e.unknown]) {
      const entry = values.get(r.label.fr) ?? values.set(r.label.fr, { result: r, values: new Set() }).get(r.label.fr)!;
      entry.values.add(r.value);
    }
  }
  const decided = outcomes.size === 1;
  // A person in one tier (Valais: complex) is judged by that tier's criteria, not the others'.
  const triage = canton.triage;
  const tier = decided && triage.status === 'tiers' ? triage.tiers.find((t) => t.tier === first.tier) : undefined;
  const shown = tier ? new Set(labelled(tier.rule).map((c) => c.label.fr)) : undefined;
  const entries = [...values.entries()].filter(([label]) => !shown || shown.has(label)).map(([, v]) => v);
  const having = (value: Truth) => entries.filter((v) => v.values.size === 1 && v.values.has(value)).map((v) => ({ ...v.result, value }));
  const missing = [...new Set(evaluations.flatMap((e) => e.missing))];
  if (outcomes.size > 1) missing.push(...(Object.keys(stated.open) as FactName[]).filter((f) => !missing.includes(f)));
  return {
    verdict: decided ? first.verdict : 'insufficient-information',
    ...(decided && first.tier ? { tier: first.tier } : {}),
    met: having(true),
    unmet: having(false),
    unknown: entries.filter((v) => v.values.size > 1 || v.values.has(undefined)).map((v) => ({ ...v.result, value: undefined })),
    missing: decided && first.verdict !== 'insufficient-information' ? [] : missing,
  };
}

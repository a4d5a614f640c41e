// Three-valued evaluation of a canton's rule over what is known of a person: true, false or
// unknown, with the criteria met, unmet and unknown, and the facts that can still change the
// verdict, in the order most likely to decide it.
import type { Canton, Source, Text } from '../knowledge/schema.js';
import type { FactName, FactValue, PersonFacts } from './facts.js';
import type { Rule, Triage } from './rules.js';

export type Truth = true | false | undefined;

export type Verdict = 'cii-case' | 'not-cii-case' | 'insufficient-information' | 'no-formal-criteria';

export interface CriterionResult {
  label: Text;
  source?: Source;
  value: Truth;
}

export interface Evaluation {
  verdict: Verdict;
  tier?: string;
  met: CriterionResult[];
  unmet: CriterionResult[];
  unknown: CriterionResult[];
  /** The facts still needed, the one most likely to decide first. */
  missing: FactName[];
}

function leaf(node: Extract<Rule, { fact: FactName }>, facts: PersonFacts): Truth {
  const value: FactValue | undefined = facts[node.fact];
  if (value === undefined) return undefined;
  if ('equals' in node) return value === node.equals;
  if ('in' in node) return node.in.includes(value as string);
  if ('contains' in node) return (value as string[]).includes(node.contains);
  if ('countAtLeast' in node) {
    const list = value as string[];
    const counted = node.among ? list.filter((v) => node.among!.includes(v)) : list;
    return counted.length >= node.countAtLeast;
  }
  const n = value as number;
  return (node.min === undefined || n >= node.min) && (node.max === undefined || n <= node.max);
}

export function evaluate(node: Rule, facts: PersonFacts): Truth {
  if ('all' in node) {
    const values = node.all.map((c) => evaluate(c, facts));
    return values.includes(false) ? false : values.every((v) => v === true) ? true : undefined;
  }
  if ('any' in node) {
    const values = node.any.map((c) => evaluate(c, facts));
    return values.includes(true) ? true : values.every((v) => v === false) ? false : undefined;
  }
  if ('of' in node) {
    const values = node.of.map((c) => evaluate(c, facts));
    const yes = values.filter((v) => v === true).length;
    const open = values.filter((v) => v === undefined).length;
    return yes >= node.atLeast ? true : yes + open < node.atLeast ? false : undefined;
  }
  if ('not' in node) {
    const v = evaluate(node.not, facts);
    return v === undefined ? undefined : !v;
  }
  return leaf(node, facts);
}

/** The nodes directly under a node of a rule. */
export function children(node: Rule): Rule[] {
  if ('all' in node) return node.all;
  if ('any' in node) return node.any;
  if ('of' in node) return node.of;
  if ('not' in node) return [node.not];
  return [];
}

/**
 * The facts whose value can still change an undecided node, nearest the root first: a fact that
 * can settle a criterion of the top level is asked before one buried in a sub-condition. Under a
 * decided node nothing is asked.
 */
function openFacts(node: Rule, facts: PersonFacts, depth: number, found: Map<FactName, number>): void {
  if (evaluate(node, facts) !== undefined) return;
  if ('fact' in node) {
    const best = found.get(node.fact);
    if (best === undefined || depth < best) found.set(node.fact, depth);
    return;
  }
  for (const child of children(node)) openFacts(child, facts, depth + 1, found);
}

/** The labelled nodes of a rule, outermost first: the criteria a coordinator reads. */
function criteria(node: Rule): Rule[] {
  if (node.label) return [node];
  return children(node).flatMap(criteria);
}

function report(nodes: Rule[], facts: PersonFacts): Pick<Evaluation, 'met' | 'unmet' | 'unknown'> {
  const results = nodes.map((n) => ({ label: n.label!, source: n.source, value: evaluate(n, facts) }));
  return {
    met: results.filter((r) => r.value === true),
    unmet: results.filter((r) => r.value === false),
    unknown: results.filter((r) => r.value === undefined),
  };
}

function ordered(found: Map<FactName, number>): FactName[] {
  return [...found].sort((a, b) => a[1] - b[1]).map(([name]) => name);
}

export function triageCanton(triage: Triage, facts: PersonFacts): Evaluation {
  if (triage.status === 'no-formal-criteria') {
    return { verdict: 'no-formal-criteria', met: [], unmet: [], unknown: [], missing: [] };
  }
  if (triage.status === 'rules') {
    const value = evaluate(triage.rule, facts);
    const found = new Map<FactName, number>();
    openFacts(triage.rule, facts, 0, found);
    const verdict: Verdict = value === true ? 'cii-case' : value === false ? 'not-cii-case' : 'insufficient-information';
    return { verdict, ...report(criteria(triage.rule), facts), missing: ordered(found) };
  }
  // Tiers, in order: the first that holds is the person's; undecided while an earlier one is open.
  const found = new Map<FactName, number>();
  let verdict: Verdict = 'not-cii-case';
  let tier: string | undefined;
  for (const t of triage.tiers) {
    const value = evaluate(t.rule, facts);
    if (value === true && verdict !== 'insufficient-information') {
      verdict = 'cii-case';
      tier = t.tier;
      break;
    }
    if (value === undefined) {
      verdict = 'insufficient-information';
      openFacts(t.rule, facts, 0, found);
    }
  }
  const nodes = triage.tiers.flatMap((t) => criteria(t.rule));
  const unique = [...new Map(nodes.map((n) => [JSON.stringify(n.label), n])).values()];
  return { verdict, ...(tier ? { tier } : {}), ...report(unique, facts), missing: verdict === 'insufficient-information' ? ordered(found) : [] };
}

export function triageOf(canton: Canton, facts: PersonFacts): Evaluation {
  return triageCanton(canton.triage, facts);
}

// Facts that follow from other facts, derived the same way for every canton and every channel: a
// person followed by the migration service is a migrant, two problems make a multiple problem.
// The table is data (knowledge/triage-derivations.yaml), each derivation with its reason, its
// source and examples; a derived fact fills only a fact nobody gave.
import { z } from 'zod';
import { source, text } from '../knowledge/primitives.js';
import { evaluate } from './evaluate.js';
import { FACT_NAMES, personFacts, type FactName, type FactValue, type PersonFacts } from './facts.js';
import { rule, ruleProblems, type Rule } from './rules.js';

const factName = z.enum(FACT_NAMES as [FactName, ...FactName[]]);

export const derivation = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  fact: factName,
  value: z.union([z.boolean(), z.string()]),
  /** When this holds over the facts known, `fact` is `value`. */
  when: rule,
  /** Why, in the user's words: shown as "deduced from …". */
  because: text,
  source,
  /** Facts and whether the derivation applies to them: checked by kb:check. */
  examples: z.array(z.strictObject({ given: z.record(z.string(), z.unknown()), applies: z.boolean() })).min(1),
});
export type Derivation = z.infer<typeof derivation>;

export const derivationsDocument = z.strictObject({ derivations: z.array(derivation).min(1) });
export type DerivationsDocument = z.infer<typeof derivationsDocument>;

export interface DerivedFact {
  fact: FactName;
  value: FactValue;
  derivation: Derivation;
  /** The facts the derivation read. */
  from: FactName[];
}

function factsOf(node: Rule): FactName[] {
  if ('all' in node) return node.all.flatMap(factsOf);
  if ('any' in node) return node.any.flatMap(factsOf);
  if ('of' in node) return node.of.flatMap(factsOf);
  if ('not' in node) return factsOf(node.not);
  return [node.fact];
}

/**
 * The facts given plus every fact they imply, to a fixed point. A given fact is never overridden:
 * where it says the opposite of what other facts imply, the derivation is listed as a conflict.
 */
export function derive(given: PersonFacts, derivations: readonly Derivation[]): { facts: PersonFacts; derived: DerivedFact[]; conflicts: DerivedFact[] } {
  const facts: PersonFacts = { ...given };
  const derived: DerivedFact[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of derivations) {
      if (facts[d.fact] !== undefined || evaluate(d.when, facts) !== true) continue;
      facts[d.fact] = d.value;
      derived.push(derivedFact(d));
      changed = true;
    }
  }
  const conflicts = derivations.filter((d) => given[d.fact] !== undefined && given[d.fact] !== d.value && evaluate(d.when, facts) === true).map(derivedFact);
  return { facts, derived, conflicts };
}

function derivedFact(d: Derivation): DerivedFact {
  return { fact: d.fact, value: d.value, derivation: d, from: [...new Set(factsOf(d.when))] };
}

/** What is wrong with a derivation: a value its fact cannot take, or an example that does not hold. */
export function derivationProblems(derivations: readonly Derivation[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  derivations.forEach((d, i) => {
    const at = `derivations[${i}]`;
    problems.push(...ruleProblems(d.when, `${at}.when`));
    if (!personFacts.shape[d.fact].safeParse(d.value).success) problems.push({ field: `${at}.value`, message: `${String(d.value)} is not a value of ${d.fact}` });
    d.examples.forEach((e, j) => {
      const given = personFacts.safeParse(e.given);
      if (!given.success) {
        problems.push({ field: `${at}.examples[${j}].given`, message: given.error.issues[0]!.message });
        return;
      }
      const applies = derive(given.data as PersonFacts, [d]).derived.length > 0;
      if (applies !== e.applies) problems.push({ field: `${at}.examples[${j}]`, message: applies ? 'the derivation applies, the example says it does not' : 'the derivation does not apply, the example says it does' });
    });
  });
  return problems;
}

// The small rule language of the cantons' CII-case criteria: all of, any of, at least N of, not,
// and comparisons on facts. Rules are data in knowledge/cantons/*.yaml; this file validates them.
import { z } from 'zod';
import { erratum, source, text, type Source, type Text } from '../knowledge/primitives.js';
import { FACT_NAMES, definitionOf, type FactName } from './facts.js';

/** What a rule node says about itself when it is reported as a criterion met, unmet or unknown. */
interface Described {
  label?: Text;
  source?: Source;
}

export type Rule = Described &
  (
    | { all: Rule[] }
    | { any: Rule[] }
    | { atLeast: number; of: Rule[] }
    | { not: Rule }
    | { fact: FactName; equals: boolean | string }
    | { fact: FactName; in: string[] }
    | { fact: FactName; contains: string }
    | { fact: FactName; countAtLeast: number; among?: string[] }
    | { fact: FactName; min?: number; max?: number }
  );

const factName = z.enum(FACT_NAMES as [FactName, ...FactName[]]);
const described = { label: text.optional(), source: source.optional() };

export const rule: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ ...described, all: z.array(rule).min(1) }),
    z.strictObject({ ...described, any: z.array(rule).min(1) }),
    z.strictObject({ ...described, atLeast: z.number().int().min(1), of: z.array(rule).min(1) }),
    z.strictObject({ ...described, not: rule }),
    z.strictObject({ ...described, fact: factName, equals: z.union([z.boolean(), z.string()]) }),
    z.strictObject({ ...described, fact: factName, in: z.array(z.string()).min(1) }),
    z.strictObject({ ...described, fact: factName, contains: z.string() }),
    z.strictObject({ ...described, fact: factName, countAtLeast: z.number().int().min(1), among: z.array(z.string()).optional() }),
    z.strictObject({ ...described, fact: factName, min: z.number().optional(), max: z.number().optional() }),
  ]),
) as z.ZodType<Rule>;

/** A canton's triage: its rule, tiers (Valais), or no formal criteria with what the source says. */
export const triage = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('rules'),
    rule,
    source,
    errata: z.array(erratum).optional(),
  }),
  z.strictObject({
    status: z.literal('tiers'),
    /** Ordered: the first tier whose rule holds is the person's tier. */
    tiers: z.array(z.strictObject({ tier: z.string().regex(/^[a-z-]+$/), label: text, rule })).min(2),
    source,
    errata: z.array(erratum).optional(),
  }),
  z.strictObject({
    status: z.literal('no-formal-criteria'),
    /** What the inventory does say, and who decides there. */
    reason: text,
    source,
  }),
]);
export type Triage = z.infer<typeof triage>;

/** Every leaf of a rule, with its operator checked against its fact's type. */
export function ruleProblems(r: Rule, path: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const visit = (node: Rule, at: string) => {
    if ('all' in node) node.all.forEach((c, i) => visit(c, `${at}.all[${i}]`));
    else if ('any' in node) node.any.forEach((c, i) => visit(c, `${at}.any[${i}]`));
    else if ('of' in node) {
      node.of.forEach((c, i) => visit(c, `${at}.of[${i}]`));
      if (node.atLeast > node.of.length) problems.push({ field: at, message: `atLeast ${node.atLeast} of ${node.of.length}` });
    } else if ('not' in node) visit(node.not, `${at}.not`);
    else {
      const definition = definitionOf(node.fact);
      const values: readonly string[] = 'values' in definition ? definition.values : [];
      const wants = (types: string[]) => {
        if (!types.includes(definition.type)) problems.push({ field: at, message: `${node.fact} is a ${definition.type} fact` });
      };
      const known = (list: string[]) => {
        for (const v of list) if (!values.includes(v)) problems.push({ field: at, message: `${v} is not a value of ${node.fact}` });
      };
      if ('equals' in node) {
        wants(['boolean', 'enum']);
        if (definition.type === 'boolean' && typeof node.equals !== 'boolean') problems.push({ field: at, message: `${node.fact} takes true or false` });
        if (definition.type === 'enum') known([String(node.equals)]);
      } else if ('in' in node) {
        wants(['enum']);
        known(node.in);
      } else if ('contains' in node) {
        wants(['list']);
        known([node.contains]);
      } else if ('countAtLeast' in node) {
        wants(['list']);
        known(node.among ?? []);
      } else wants(['number']);
    }
  };
  visit(r, path);
  return problems;
}


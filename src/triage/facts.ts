// The facts a triage may know about a person: the fixed vocabulary of the cantons' rules. Each
// fact is optional (absent means unknown). Facts only: never a name or an identifier.
import type { Localized } from '../knowledge/primitives.js';
import { catalog } from '../locales.js';
import { z } from 'zod';

export const INSTITUTIONS = ['AC', 'AI', 'AS', 'PC', 'formation', 'migration'] as const;
export const PROBLEMS = ['health', 'no-sufficient-income', 'no-work', 'social'] as const;
export const WORK_CAPACITIES = ['full', 'partial', 'none'] as const;
export const INTEGRATION_CHANCES = ['realistic', 'needs-assessment', 'none'] as const;


interface FactBase {
  /** A short name, for the facts listed under a verdict and the buttons that change them. */
  label: Localized;
  question: Localized;
}
export type FactDefinition =
  | (FactBase & { type: 'boolean' })
  | (FactBase & { type: 'enum'; values: readonly string[]; labels: Record<string, Localized> })
  | (FactBase & { type: 'list'; values: readonly string[]; labels: Record<string, Localized> })
  | (FactBase & { type: 'number'; min: number; max: number });

/** What a fact is, without its words: those are in the locale files. */
type FactShape = { type: 'boolean' } | { type: 'enum' | 'list'; values: readonly string[] } | { type: 'number'; min: number; max: number };

const BOOLEAN = { type: 'boolean' } as const;

/** The vocabulary: every fact the cantons' rules use, in the order given facts are listed. */
const SHAPES = {
  domiciledInCanton: BOOLEAN,
  workCapacity: { type: 'enum', values: WORK_CAPACITIES },
  institutions: { type: 'list', values: INSTITUTIONS },
  institutionAboutToFollow: BOOLEAN,
  entitledToBenefits: BOOLEAN,
  entitledToACAndAIMeasures: BOOLEAN,
  problems: { type: 'list', values: PROBLEMS },
  multipleProblems: BOOLEAN,
  integrationChance: { type: 'enum', values: INTEGRATION_CHANCES },
  motivated: BOOLEAN,
  consentDataExchange: BOOLEAN,
  needsSpecialisedJobSearchSupport: BOOLEAN,
  needsCoordinationSupport: BOOLEAN,
  receivesOrUnderReviewAIPension: BOOLEAN,
  completedAIRetrainingOrFirstTraining: BOOLEAN,
  longTermUnemployed: BOOLEAN,
  unemploymentBenefitsExhausted: BOOLEAN,
  socialAidInLast12Months: BOOLEAN,
  age: { type: 'number', min: 0, max: 120 },
  employabilityRecognised: BOOLEAN,
  socialAidRecipient: BOOLEAN,
  riskFactorsSeveral: BOOLEAN,
  // Extensions for cantons whose criteria need them.
  atRiskOfLongTermUnemployment: BOOLEAN,
  insertableByPrognosis1: BOOLEAN,
  migrant: BOOLEAN,
  youngPersonNeedingHighSupport: BOOLEAN,
} satisfies Record<string, FactShape>;

export type FactName = keyof typeof SHAPES;
export const FACT_NAMES = Object.keys(SHAPES) as FactName[];

function valuesOf(fact: FactName): readonly string[] {
  const shape: FactShape = SHAPES[fact];
  return 'values' in shape ? shape.values : [];
}

/** Each fact's words: "<fact>.label", "<fact>.question", and "<fact>.<value>" for each value of a choice. */
const WORDS = catalog('triage-facts', FACT_NAMES.flatMap((f) => [`${f}.label`, `${f}.question`, ...valuesOf(f).map((v) => `${f}.${v}`)]));

export const FACTS = Object.fromEntries(
  FACT_NAMES.map((f) => {
    const word = (key: string) => WORDS[`${f}.${key}`]!;
    const values = valuesOf(f);
    return [f, { ...SHAPES[f], label: word('label'), question: word('question'), ...(values.length > 0 ? { labels: Object.fromEntries(values.map((v) => [v, word(v)])) } : {}) }];
  }),
) as Record<FactName, FactDefinition>;

/** A fact's definition with its general type, for code that handles every kind of fact. */
export function definitionOf(fact: FactName): FactDefinition {
  return FACTS[fact];
}

function valueSchema(definition: FactDefinition): z.ZodType {
  switch (definition.type) {
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(definition.values as [string, ...string[]]);
    case 'list':
      return z.array(z.enum(definition.values as [string, ...string[]])).refine((l) => new Set(l).size === l.length, 'each value once');
    case 'number':
      return z.number().min(definition.min).max(definition.max);
  }
}

/** What a triage knows about a person. Unknown fact names and wrong types are refused, by name. */
export const personFacts = z.strictObject(
  Object.fromEntries(FACT_NAMES.map((name) => [name, valueSchema(definitionOf(name)).optional()])) as Record<FactName, z.ZodOptional<z.ZodType>>,
);

export type FactValue = boolean | number | string | string[];
export type PersonFacts = Partial<Record<FactName, FactValue>>;

/** Facts from JSON text: the facts, or a message naming what is wrong (the fact, its type). */
export function readFacts(json: string): PersonFacts | string {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return 'The facts are not valid JSON.';
  }
  const parsed = personFacts.safeParse(raw);
  if (parsed.success) return parsed.data as PersonFacts;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return `Unknown fact name: ${issue.keys.join(', ')}. Known facts: ${FACT_NAMES.join(', ')}.`;
  if (issue.path.length === 0) return 'The facts must be a JSON object, e.g. {"domiciledInCanton": true}.';
  return `Fact ${String(issue.path[0])}: ${issue.message}.`;
}

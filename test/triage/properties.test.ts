// Properties of the triage that must hold for any facts: more facts never undo a verdict, every
// question asked can change the verdict, and any JSON gets a verdict or a clear error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { CANTON_CODES, type CantonCode } from '../../src/knowledge/schema.js';
import { derive } from '../../src/triage/derivations.js';
import { FACT_NAMES, definitionOf, readFacts, type FactName, type FactValue, type PersonFacts } from '../../src/triage/facts.js';
import { triageOf } from '../../src/triage/evaluate.js';

const kb = loadKnowledge();
const canton = fc.constantFrom(...CANTON_CODES);

/** A handful of values per fact: enough to reach every branch of every rule. */
function domain(fact: FactName): FactValue[] {
  const d = definitionOf(fact);
  if (d.type === 'boolean') return [true, false];
  if (d.type === 'enum') return [...d.values];
  if (d.type === 'number') return [16, 30, 49, 50, 70];
  const subsets: string[][] = [[]];
  for (const v of d.values) for (const s of [...subsets]) if (s.length < 3) subsets.push([...s, v]);
  return subsets;
}

const someFacts: fc.Arbitrary<PersonFacts> = fc.record(
  Object.fromEntries(FACT_NAMES.map((f) => [f, fc.constantFrom(...domain(f))])) as Record<FactName, fc.Arbitrary<FactValue>>,
  { requiredKeys: [] },
) as fc.Arbitrary<PersonFacts>;

/** The verdict as the result computes it: the facts given and those they imply. */
const decide = (code: CantonCode, facts: PersonFacts) => triageOf(kb.cantons.get(code)!, derive(facts, kb.derivations.derivations).facts);
/** Facts that do not contradict one another (no given fact says the opposite of what others imply). */
const consistent = (facts: PersonFacts) => derive(facts, kb.derivations.derivations).conflicts.length === 0;

describe('triage properties', () => {
  it('adding a fact never turns a decided verdict into another or into insufficient-information', () => {
    fc.assert(
      fc.property(canton, someFacts, someFacts, (code, known, more) => {
        const before = decide(code, known);
        fc.pre(before.verdict === 'cii-case' || before.verdict === 'not-cii-case');
        fc.pre(consistent({ ...more, ...known }));
        const after = decide(code, { ...more, ...known });
        expect(after.verdict).toBe(before.verdict);
        expect(after.tier).toBe(before.tier);
      }),
      { numRuns: 2000 },
    );
  });

  it('never asks a question whose answer cannot change the verdict', () => {
    fc.assert(
      fc.property(canton, someFacts, (code, known) => {
        const open = decide(code, known);
        fc.pre(open.verdict === 'insufficient-information');
        const [asked, ...others] = open.missing;
        const completions = others.reduce((n, f) => n * domain(f).length, 1);
        fc.pre(asked !== undefined && completions <= 3000);
        // Some completion of the other open facts under which two answers give different verdicts
        // (in Valais the tier is part of the verdict).
        const fill = (i: number, facts: PersonFacts): boolean => {
          if (i === others.length) {
            const verdicts = new Set(domain(asked!).map((v) => {
              const r = decide(code, { ...facts, [asked!]: v });
              return `${r.verdict}/${r.tier}`;
            }));
            return verdicts.size > 1;
          }
          return domain(others[i]!).some((v) => fill(i + 1, { ...facts, [others[i]!]: v }));
        };
        expect(fill(0, known), `${code} asks ${asked} given ${JSON.stringify(known)}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gets a verdict or a clear error for any JSON, never a crash', () => {
    fc.assert(
      fc.property(fc.json(), canton, (json, code) => {
        const read = readFacts(json);
        if (typeof read === 'string') expect(read.length).toBeGreaterThan(0);
        else expect(['cii-case', 'not-cii-case', 'insufficient-information', 'no-formal-criteria']).toContain(decide(code, read).verdict);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FACT_NAMES, 'name', 'ahv'), fc.jsonValue()), canton, (object, code) => {
        const read = readFacts(JSON.stringify(object));
        if (typeof read === 'string') expect(read).toMatch(/Fact |Unknown fact name|JSON/);
        else expect(decide(code, read).verdict).toBeTruthy();
      }),
      { numRuns: 1000 },
    );
  });
});

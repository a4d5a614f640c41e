// Triage scenarios written from the sources by someone who had not seen the rules: the share the
// rules decide as the scenario's author read the source. A floor guards against regressions.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { CantonCode } from '../../src/knowledge/schema.js';
import { readFacts } from '../../src/triage/facts.js';
import { triageResult } from '../../src/triage/result.js';

interface Scenario {
  id: string;
  canton: CantonCode;
  facts: Record<string, unknown>;
  verdict: string;
  tier?: string;
  ambiguous?: boolean;
}

const kb = loadKnowledge();
const scenarios = load(readFileSync(new URL('./scenarios.yaml', import.meta.url), 'utf8')) as Scenario[];

function decided(s: Scenario): boolean {
  const facts = readFacts(JSON.stringify(s.facts));
  if (typeof facts === 'string') throw new Error(`${s.id}: ${facts}`);
  const result = triageResult(kb, s.canton, facts, 'fr');
  return result.verdict === s.verdict && (s.tier === undefined || result.tier === s.tier);
}

describe('triage scenarios written from the sources', () => {
  it('every scenario uses the documented facts vocabulary', () => {
    for (const s of scenarios) expect(typeof readFacts(JSON.stringify(s.facts)), s.id).toBe('object');
  });

  it('gets the verdict of at least 92 % of them, and of every scenario whose reading the source leaves open to no doubt', () => {
    const right = scenarios.filter(decided);
    expect(right.length / scenarios.length).toBeGreaterThanOrEqual(0.92);
    const clearMisses = scenarios.filter((s) => !s.ambiguous && !decided(s)).map((s) => s.id);
    expect(clearMisses).toEqual([]);
  });
});

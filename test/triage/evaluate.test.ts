// Verdicts written from the inventory's Tableau 3 and section 2.4.1, canton by canton.
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { CantonCode } from '../../src/knowledge/schema.js';
import type { PersonFacts } from '../../src/triage/facts.js';
import { triageResult } from '../../src/triage/result.js';

const kb = loadKnowledge();
const verdict = (code: CantonCode, facts: PersonFacts) => triageResult(kb, code, facts, 'fr');

interface Case {
  yes: PersonFacts;
  no?: PersonFacts;
  unknown: PersonFacts;
}

// For each canton of Tableau 3: a CII case, a non-case where the criteria allow one, and a
// situation that needs more information.
const CASES: Partial<Record<CantonCode, Case>> = {
  BE: { yes: { institutions: ['AC', 'AI'] }, no: { institutions: ['AS'] }, unknown: {} },
  BL: { yes: { problems: ['health'] }, no: { problems: ['social'], age: 40 }, unknown: { problems: ['social'], age: 55 } },
  FR: {
    yes: { problems: [], unemploymentBenefitsExhausted: true, socialAidInLast12Months: true, motivated: true },
    no: { problems: ['no-work'], unemploymentBenefitsExhausted: false },
    unknown: { problems: ['no-work'], unemploymentBenefitsExhausted: true },
  },
  GE: {
    yes: { institutions: ['AC', 'AS'], problems: ['no-sufficient-income', 'social'] },
    no: { institutions: ['AC', 'AS'], problems: ['health'] },
    unknown: { problems: ['health', 'no-work'] },
  },
  GL: {
    yes: { institutions: ['AC', 'AS'], receivesOrUnderReviewAIPension: false, completedAIRetrainingOrFirstTraining: false },
    no: { institutions: ['AC', 'AI'], receivesOrUnderReviewAIPension: true },
    unknown: { institutions: ['AC', 'AI'], receivesOrUnderReviewAIPension: false },
  },
  GR: {
    yes: { domiciledInCanton: true, workCapacity: 'partial', entitledToBenefits: true, multipleProblems: true, integrationChance: 'realistic', motivated: true, consentDataExchange: true },
    no: { domiciledInCanton: true, workCapacity: 'partial', consentDataExchange: false },
    unknown: { domiciledInCanton: true, workCapacity: 'full' },
  },
  JU: { yes: { institutions: ['AI'], institutionAboutToFollow: true }, no: { institutions: ['AS'], institutionAboutToFollow: false }, unknown: { institutions: ['AS'] } },
  LU: {
    yes: { domiciledInCanton: true, workCapacity: 'full', entitledToBenefits: true, problems: ['health', 'social'], integrationChance: 'realistic', consentDataExchange: true },
    no: { domiciledInCanton: false },
    unknown: { domiciledInCanton: true, consentDataExchange: true },
  },
  NE: { yes: { insertableByPrognosis1: true }, no: { insertableByPrognosis1: false }, unknown: {} },
  NW: { yes: { institutions: ['AC', 'AS'] }, no: { institutions: ['AC'] }, unknown: {} },
  OW: { yes: { institutions: ['AI', 'AS'] }, no: { institutions: [] }, unknown: {} },
  SG: { yes: { multipleProblems: true }, no: { multipleProblems: false, problems: ['health'] }, unknown: {} },
  SZ: {
    yes: { institutions: ['AC'], institutionAboutToFollow: true, integrationChance: 'realistic', motivated: true },
    no: { institutions: ['AC', 'AS'], integrationChance: 'none' },
    unknown: { institutions: ['AC', 'AS'], integrationChance: 'realistic' },
  },
  SO: { yes: { migrant: true }, no: { socialAidRecipient: false, migrant: false, problems: [], youngPersonNeedingHighSupport: false }, unknown: { socialAidRecipient: false } },
  TG: { yes: { institutions: ['AC', 'AS'], multipleProblems: true }, no: { institutions: ['AC'] }, unknown: { institutions: ['AC', 'AS'] } },
  UR: { yes: { institutions: ['AC', 'AS'] }, no: { institutions: ['AS'] }, unknown: {} },
  VD: {
    yes: { socialAidRecipient: true, employabilityRecognised: true, institutions: ['AC', 'AI', 'AS'] },
    no: { socialAidRecipient: true, employabilityRecognised: true, institutions: ['AC', 'AS'] },
    unknown: { socialAidRecipient: true, institutions: ['AC', 'AI', 'AS'] },
  },
  VS: { yes: { institutions: ['AC', 'AS'], riskFactorsSeveral: false }, no: { institutions: ['AS'], riskFactorsSeveral: false }, unknown: { institutions: ['AC', 'AS'] } },
  ZG: {
    yes: { institutions: ['AS'], needsCoordinationSupport: true, integrationChance: 'realistic', motivated: true },
    no: { institutions: ['PC'] },
    unknown: { institutions: ['AI'], needsCoordinationSupport: true },
  },
  ZH: {
    yes: { domiciledInCanton: true, needsSpecialisedJobSearchSupport: true, multipleProblems: true, integrationChance: 'needs-assessment', motivated: true, needsCoordinationSupport: true, institutions: ['formation'], consentDataExchange: true },
    no: { domiciledInCanton: true, consentDataExchange: false },
    unknown: { domiciledInCanton: true, motivated: true },
  },
};

describe('triage verdicts by canton (Tableau 3)', () => {
  for (const [code, c] of Object.entries(CASES) as [CantonCode, Case][]) {
    it(`${code}: a case, a non-case and an open situation`, () => {
      expect(verdict(code, c.yes).verdict).toBe('cii-case');
      if (c.no) expect(verdict(code, c.no).verdict).toBe('not-cii-case');
      const open = verdict(code, c.unknown);
      expect(open.verdict).toBe('insufficient-information');
      expect(open.missing.length).toBeGreaterThan(0);
    });
  }

  it('covers every canton with a Tableau 3 row', () => {
    const withRules = [...kb.cantons.values()].filter((c) => c.triage.status !== 'no-formal-criteria').map((c) => c.code).sort();
    expect(withRules).toEqual(Object.keys(CASES).sort());
  });

  it('answers no-formal-criteria, with what the inventory says, where it gives none', () => {
    for (const code of ['AG', 'BS', 'AR', 'SH', 'TI', 'AI'] as CantonCode[]) {
      const r = verdict(code, { institutions: ['AC', 'AI'] });
      expect(r.verdict, code).toBe('no-formal-criteria');
      expect(r.notes[0], code).toMatch(/tableau 3|inventaire/i);
    }
    expect(verdict('AG', {}).notes[0]).toMatch(/AC et à des mesures d'intégration de l'AI/);
    expect(verdict('BS', {}).notes[0]).toMatch(/accord de coopération/);
  });

  it('excludes in Glarus a person whose pension is under review', () => {
    const r = verdict('GL', { institutions: ['AC', 'AI'], receivesOrUnderReviewAIPension: true });
    expect(r.unmet.map((c) => c.criterion)).toContain('Pas de rente (même partielle) perçue ni en cours de révision');
  });

  it('gives Valais its tier: network or complex', () => {
    expect(verdict('VS', { institutions: ['AC', 'AS'], riskFactorsSeveral: false })).toMatchObject({ verdict: 'cii-case', tier: 'network' });
    expect(verdict('VS', { riskFactorsSeveral: true })).toMatchObject({ verdict: 'cii-case', tier: 'complex' });
    expect(verdict('VS', {}).missing).toEqual(['riskFactorsSeveral', 'institutions']);
  });

  it("says that Uri's row is truncated", () => {
    expect(verdict('UR', { institutions: ['AC', 'AS'] }).notes.join(' ')).toMatch(/coupées|s'arrête/);
  });

  it('asks exactly the facts still needed, and none once decided', () => {
    expect(verdict('GE', { institutions: ['AC', 'AS'] }).missing).toEqual(['problems']);
    expect(verdict('GE', { institutions: ['AC'] }).missing).toEqual([]);
    expect(verdict('TG', { multipleProblems: true }).missing).toEqual(['institutions']);
  });

  it("lists the canton's next steps from the knowledge base with their sources", () => {
    const r = verdict('ZH', {});
    expect(r.nextSteps.join(' ')).toMatch(/CASEnet/);
    expect(r.sources.every((s) => s.document === '002_8cd2fce77ca12853.txt')).toBe(true);
  });
});

// Every card the code produces is valid for the official Adaptive Cards library at version 1.5 at
// most, and carries what a team needs: toggles, progress, actions with verbs and fallbacks.
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { answerCard, checklistCard, triageFormCard, triageQuestionCard, triageResultCard } from '../../src/cards/adaptive.js';
import { Checklists } from '../../src/checklists/service.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { CANTON_CODES, LANGUAGES } from '../../src/knowledge/schema.js';
import { LowStore } from '../../src/store/lowdb.js';
import { choicesFor } from '../../src/triage/answers.js';
import { FORM_TITLE, PRIVACY, formQuestions } from '../../src/triage/dialog.js';
import { triageResult } from '../../src/triage/result.js';
import { officialProblems } from './official.js';

const kb = loadKnowledge();
const assistant = new Assistant(kb);
const checklists = new Checklists(kb, LowStore.inMemory());
const KEYS = ['eisp', 'eisp:aide-sociale', 'eisp:ac', 'eisp:ai', ...CANTON_CODES.map((c) => `referral:${c}`)];

/** Every element of a card, depth first. */
function elements(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    return [record, ...Object.values(record).flatMap(elements)];
  }
  return [];
}

describe('Adaptive Cards', () => {
  it('checklist cards are valid, show progress, a toggle per item and a Save with verb and fallback', async () => {
    for (const key of KEYS) {
      for (const language of LANGUAGES) {
        const view = (await checklists.open(key, 'c', language))!;
        const card = checklistCard(view, ['29:user-a']);
        expect(officialProblems(card), `${key} ${language}`).toEqual([]);
        const all = elements(card);
        expect(all.filter((e) => e.type === 'Input.Toggle')).toHaveLength(view.total);
        expect(JSON.stringify(card)).toContain(`0/${view.total}`);
        const save = all.find((e) => e.verb === 'checklist.save' && e.type === 'Action.Execute')!;
        expect((save.fallback as Record<string, unknown>).type).toBe('Action.Submit');
        expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'checklist.refresh' }, userIds: ['29:user-a'] });
        expect(JSON.stringify(card).length, key).toBeLessThan(28_000);
      }
    }
  });

  it('the EISP checklist has the 44 indications in the blocks A to H', async () => {
    const view = (await checklists.open('eisp', 'c', 'de'))!;
    expect(view.total).toBe(44);
    expect(view.groups.map((g) => g.id)).toEqual(['A', 'B-1', 'B-2', 'C', 'D-1', 'D-2', 'E', 'F-1', 'F-2', 'G', 'H']);
    const withAc = (await checklists.open('eisp:ac', 'c', 'de'))!;
    expect(withAc.total).toBeGreaterThan(44);
    expect(withAc.groups.at(-1)!.title).toMatch(/Arbeitslosenversicherung/);
  });

  it('shows who ticked and when after a save', async () => {
    const view = (await checklists.open('referral:GE', 'c', 'fr'))!;
    const ticked = (await checklists.apply(view.id, { id: 'u1', name: 'Lea' }, [{ itemId: 'c1', checked: true }]))!;
    const card = checklistCard(ticked);
    expect(JSON.stringify(card)).toMatch(/✓ Lea, \d{2}\.\d{2}\.\d{2}/);
    expect(JSON.stringify(card)).toContain(`1/${view.total}`);
  });

  it('answer cards are valid, with sources and follow-up buttons', () => {
    for (const q of ['critères cas CII vaud', 'wer steuert die IIZ im Kanton Genf?', "cos'è l'MMT", 'indication 38', 'which cantons have a case platform?', 'weather tomorrow']) {
      const answer = assistant.ask(q);
      const card = answerCard(answer);
      expect(officialProblems(card), q).toEqual([]);
      const actions = elements(card).filter((e) => e.type === 'Action.Execute' && e.verb === 'ask');
      expect(actions).toHaveLength(answer.followUps.length);
    }
  });

  it('triage result, question and form cards are valid for every canton', () => {
    for (const code of CANTON_CODES) {
      const result = triageResult(kb, code, { institutions: ['AC', 'AS'] }, 'fr');
      const card = triageResultCard(result, { institutions: ['AC', 'AS'] }, 'fr');
      expect(officialProblems(card), code).toEqual([]);
      expect(elements(card).some((e) => e.verb === 'checklist.open')).toBe(true);
      expect(elements(card).some((e) => e.verb === 'triage.resume')).toBe(result.missing.length > 0);
      const form = triageFormCard(code, FORM_TITLE.fr, PRIVACY.fr, formQuestions(kb, code, 'fr'), 'fr');
      expect(officialProblems(form), `form ${code}`).toEqual([]);
    }
    const question = triageQuestionCard('La personne est-elle domiciliée dans le canton ?', choicesFor('domiciledInCanton', 'fr'));
    expect(officialProblems(question)).toEqual([]);
    expect(elements(question).filter((e) => e.type === 'Action.Execute' && e.verb === 'triage.answer')).toHaveLength(3);
  });
});

// Every card the code produces is valid for the official Adaptive Cards library at version 1.5 at
// most, and carries what a team needs: toggles, progress, actions with verbs and fallbacks.
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { answerCard, checklistCard, triageFormCard, triageQuestionCard, triageResultCard } from '../../src/cards/adaptive.js';
import { Checklists } from '../../src/checklists/service.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { CANTON_CODES, LANGUAGES } from '../../src/knowledge/schema.js';
import { LowStore } from '../../src/store/lowdb.js';
import { TriageDialog } from '../../src/triage/dialog.js';
import { FORM_TITLE, PRIVACY, formQuestions } from '../../src/triage/form.js';
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
  });

  it('triage questions offer the input their fact needs, every button naming its fact and step', async () => {
    const dialog = new TriageDialog(kb, LowStore.inMemory(), () => undefined);
    const first = async (canton: 'LU' | 'GE' | 'BL', language: 'fr' | 'de') => (await dialog.start(canton, language, canton)).find((r) => r.kind === 'triage-question')!;
    const yesNo = triageQuestionCard((await first('LU', 'fr')) as never);
    expect(officialProblems(yesNo)).toEqual([]);
    const answers = elements(yesNo).filter((e) => e.type === 'Action.Execute' && e.verb === 'triage.answer');
    expect(answers.map((e) => (e.data as { value: string }).value)).toEqual(['true', 'false', 'skip']);
    for (const e of answers) expect(e.data).toMatchObject({ fact: 'domiciledInCanton', step: 1 });

    const list = triageQuestionCard((await first('GE', 'de')) as never);
    expect(officialProblems(list)).toEqual([]);
    const choiceSet = elements(list).find((e) => e.type === 'Input.ChoiceSet')!;
    expect(choiceSet).toMatchObject({ id: 'answer', isMultiSelect: true, style: 'expanded' });
    expect(elements(list).filter((e) => e.type === 'Action.Execute').map((e) => e.title)).toEqual(['Bestätigen', 'Keine', 'weiss nicht']);

    await dialog.start('BL', 'fr', 'BL');
    const age = (await dialog.answer('BL', (await dialog.active('BL'))!, { fact: 'problems', value: ['social'] })).find((r) => r.kind === 'triage-question')!;
    const number = triageQuestionCard(age as never);
    expect(officialProblems(number)).toEqual([]);
    expect(elements(number).find((e) => e.type === 'Input.Number')).toMatchObject({ id: 'answer', min: 0, max: 120 });
    expect(elements(number).some((e) => e.verb === 'triage.back')).toBe(true);
  });

  it('a triage result card carries no action data field the renderers refuse, and changes each answer given', () => {
    const facts = { institutions: ['AC', 'migration'], problems: ['health'] };
    const card = triageResultCard(triageResult(kb, 'GE', facts, 'fr'), facts, 'fr', ['institutions', 'problems']);
    const data = elements(card).flatMap((e) => (e.data ? [e.data as Record<string, unknown>] : []));
    expect(data.length).toBeGreaterThan(0);
    for (const d of data) expect(Object.keys(d)).not.toContain('key');
    expect(elements(card).filter((e) => e.type === 'Action.Execute' && e.verb === 'triage.change').map((e) => (e.data as { fact: string }).fact)).toEqual(['institutions', 'problems']);
    expect(elements(card).find((e) => e.type === 'TextBlock' && String(e.color) === 'Warning')).toBeUndefined();
  });
});

// The guided triage as a user lives it: one question at a time, free answers in four languages,
// back, restart, cancel, expiry, and the same verdict as the command line.
import { describe, expect, it } from 'vitest';
import { Bot, type Reply } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LowStore } from '../../src/store/lowdb.js';
import { TRIAGE_TTL_MS, TriageDialog } from '../../src/triage/dialog.js';
import { formQuestions } from '../../src/triage/form.js';
import { triageResult } from '../../src/triage/result.js';

const kb = loadKnowledge();

function setup(now = () => Date.now()) {
  const store = LowStore.inMemory(now);
  const bot = new Bot(kb, store);
  let n = 0;
  const say = async (text: string, conversationId = 'c1', language?: 'fr' | 'de' | 'it' | 'en') => {
    n++;
    return bot.handle({ conversationId, text, ...(language ? { language } : {}) });
  };
  return { bot, say, store, count: () => n };
}

const last = (replies: Reply[]) => replies[replies.length - 1]!;
const asked = (replies: Reply[]) => {
  const r = last(replies);
  return r.kind === 'triage-question' ? r.fact : r.kind;
};

describe('the triage dialog', () => {
  it('starts from "est-ce un cas CII à Genève ?", warns about names once, then asks in French', async () => {
    const { say } = setup();
    const replies = await say('est-ce un cas CII à Genève ?');
    expect(replies[0]).toMatchObject({ kind: 'notice', language: 'fr' });
    expect(replies[0]!.kind === 'notice' && replies[0]!.text).toMatch(/N'écrivez jamais de nom/);
    expect(last(replies)).toMatchObject({ kind: 'triage-question', fact: 'institutions', language: 'fr' });
  });

  it('runs in German with free answers to a verdict', async () => {
    const { say } = setup();
    expect(asked(await say('ist das ein IIZ-Fall im Kanton Luzern?'))).toBe('domiciledInCanton');
    expect(asked(await say('ja'))).toBe('workCapacity');
    expect(asked(await say('voll'))).toBe('entitledToBenefits');
    expect(asked(await say('ja'))).toBe('multipleProblems');
    expect(asked(await say('ja'))).toBe('integrationChance');
    expect(asked(await say('ja, realistisch'))).toBe('consentDataExchange');
    const result = last(await say('ja'));
    expect(result.kind === 'triage-result' && result.result).toMatchObject({ verdict: 'cii-case', canton: 'LU' });
    expect(result.kind === 'triage-result' && result.text).toMatch(/IIZ-Fall/);
  });

  it('asks for the canton when none is named, and accepts its name in another language', async () => {
    const { say } = setup();
    const start = await say('triage', 'c1', 'it');
    expect(last(start)).toMatchObject({ kind: 'triage-question', fact: 'canton', language: 'it' });
    expect(asked(await say('Ginevra'))).toBe('institutions');
  });

  it('reads lists, numbers and "don\'t know"', async () => {
    const { say } = setup();
    await say('triage BL', 'c1', 'en');
    expect(asked(await say('social problems'))).toBe('age');
    expect(asked(await say('she is 57'))).toBe('atRiskOfLongTermUnemployment');
    const result = last(await say("don't know"));
    expect(result.kind === 'triage-result' && result.result.verdict).toBe('insufficient-information');
  });

  it('goes back to change an answer, restarts, and cancels', async () => {
    const { say, bot } = setup();
    await say('triage TG', 'c1', 'fr');
    expect(asked(await say('AC et aide sociale'))).toBe('multipleProblems');
    expect(asked(await say('retour'))).toBe('institutions');
    expect(asked(await say('AC'))).toBe('triage-result');
    await say('triage TG', 'c1', 'fr');
    await say('AC, AS');
    expect(asked(await say('recommencer'))).toBe('institutions');
    const cancelled = await say('annuler');
    expect(last(cancelled)).toMatchObject({ kind: 'notice' });
    expect(await bot.triage.active('c1')).toBeUndefined();
  });

  it('asks again, with a hint, when it does not understand', async () => {
    const { say } = setup();
    await say('triage NE', 'c1', 'fr');
    const replies = await say('peut-être demain');
    expect(replies[0]).toMatchObject({ kind: 'notice' });
    expect(asked(replies)).toBe('employabilityRecognised');
  });

  it('keeps each conversation to itself', async () => {
    const { say } = setup();
    await say('triage GE', 'team-a', 'fr');
    const elsewhere = await say('oui', 'team-b');
    expect(last(elsewhere).kind).toBe('answer');
    expect(asked(await say('AC, AS', 'team-a'))).toBe('problems');
  });

  it('forgets a triage after 24 hours', async () => {
    let now = 1_000_000;
    const { say, store } = setup(() => now);
    const dialog = new TriageDialog(kb, store, () => undefined, () => now);
    await dialog.start('c9', 'fr', 'ZH');
    expect(await dialog.active('c9')).toBeDefined();
    now += TRIAGE_TTL_MS + 1;
    expect(await dialog.active('c9')).toBeUndefined();
    expect(last(await say('oui', 'c9')).kind).toBe('answer');
  });

  it('gives the same verdict as the command line for the same facts', async () => {
    const { say } = setup();
    await say('triage VS', 'c1', 'en');
    expect(asked(await say('no'))).toBe('institutions');
    const result = last(await say('AC, social assistance'));
    const expected = triageResult(kb, 'VS', { riskFactorsSeveral: false, institutions: ['AC', 'AS'] }, 'en');
    expect(result.kind === 'triage-result' && result.result).toMatchObject({ verdict: expected.verdict, tier: 'network' });
  });

  it('offers a one-shot form with every question of the canton', () => {
    const form = formQuestions(kb, 'ZH', 'de');
    expect(form.map((q) => q.fact)).toEqual(expect.arrayContaining(['domiciledInCanton', 'consentDataExchange', 'institutions', 'integrationChance']));
    expect(form[0]!.text).toMatch(/\?$/);
  });
});

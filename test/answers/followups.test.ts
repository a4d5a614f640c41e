// Follow-ups: the next questions an answer offers. Each must be one the assistant understands back,
// in the language of the answer that offered it (a button carries that language), and lists,
// institution rules and blocks offer at least two.
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot.js';
import { CONFIDENCE_THRESHOLD } from '../../src/answers/search.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LowStore } from '../../src/store/lowdb.js';
import { WHOLE_SET_TIMEOUT_MS, askDev, loadDevSet } from './devset.js';

const kb = loadKnowledge();
const bot = new Bot(kb, LowStore.inMemory());
const user = { id: 'u1' };

async function answerTo(text: string, language: 'fr' | 'de' | 'it' | 'en', conversationId = 'followups') {
  const [reply] = await bot.action({ conversationId, verb: 'ask', user, data: { text, language } });
  return reply;
}

describe('follow-ups', () => {
  it('are understood back, in the language of the answer that offered them', async () => {
    const misunderstood: string[] = [];
    for (const q of loadDevSet().filter((x) => !x.outOfScope)) {
      const answer = askDev(bot.assistant, q);
      for (const [i, followUp] of answer.followUps.entries()) {
        // Clicked right after the answer that offered it, in that conversation.
        const conversationId = `followups:${q.id}:${i}`;
        await bot.handle({ conversationId, text: q.q, ...(q.locale ? { language: q.locale } : {}) });
        const reply = await answerTo(followUp, answer.language, conversationId);
        const understood =
          reply?.kind === 'checklist' ||
          // "triage VD" under a canton's yes or no starts the triage.
          reply?.kind === 'notice' ||
          (reply?.kind === 'answer' && reply.answer.confidence >= CONFIDENCE_THRESHOLD && reply.answer.language === answer.language);
        if (!understood) misunderstood.push(`${q.id} → ${JSON.stringify(followUp)}`);
      }
    }
    expect(misunderstood).toEqual([]);
  }, WHOLE_SET_TIMEOUT_MS);

  it('come by twos or threes after a list, an institution\'s rules, a block, a definition and a section of a report', () => {
    for (const question of ['quels cantons ont un bureau CII ?', 'Regeln IV für Leistungsvereinbarungen mit EISP', 'indicazioni blocco D-2', 'which cantons have no steering committee?', 'que veut dire MMT', 'OIAS Umsetzungsschritte']) {
      const answer = bot.assistant.ask(question);
      expect(answer.followUps.length, question).toBeGreaterThanOrEqual(2);
      expect(answer.followUps.length, question).toBeLessThanOrEqual(3);
    }
  });

  it('open the institution\'s checklist in every language', async () => {
    for (const [question, language] of [['règles AC pour une convention avec une EISP', 'fr'], ['social assistance rules for agreements with EISP', 'en']] as const) {
      const [checklist] = bot.assistant.ask(question).followUps;
      const reply = await answerTo(checklist!, language);
      expect(reply?.kind === 'checklist' && reply.view.key, question).toBe(language === 'fr' ? 'eisp:ac' : 'eisp:aide-sociale');
    }
  });
});

// The dev set: questions written from the sources in four languages, with what each answer must
// contain, split into a training part (worked from) and a validation part (kept to measure). The
// targets are the issue's; `npm run bench` prints where the assistant stands. The floors here sit a
// few points under today's figures: they catch a regression, they do not pin a score.
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LANGUAGES, type Language } from '../../src/knowledge/schema.js';
import { LowStore } from '../../src/store/lowdb.js';
import { WHOLE_SET_TIMEOUT_MS, accuracyByLanguage, askAsUser, askConversation, judge, loadQuestionSet, splitOf, type Split } from './devset.js';

const bot = new Bot(loadKnowledge(), LowStore.inMemory());
const assistant = bot.assistant;
const set = loadQuestionSet(new URL('./devset.yaml', import.meta.url));
// Training floors sit three to four points under the training score at the end of session 10 (90.8 / 86.8 /
// 89.7 / 87.4 %, with thirty blind sets in it), the follow-up floor two under 82.0 %, the ceiling on
// out-of-scope questions answered three over 10.1 %: they guard against regressions, they do not pin the
// score.
const FLOORS: Record<Split, Record<Language, number>> = {
  training: { fr: 0.87, de: 0.83, it: 0.87, en: 0.84 },
  validation: { fr: 0.9, de: 0.9, it: 0.9, en: 0.9 },
};
const FOLLOW_UP_FLOOR = 0.8;
const OUT_OF_SCOPE_CEILING = 0.13;

// Every question asked once, as a user asks it (routed by the bot), before the tests that count.
const failures = new Map<string, string>();
for (const q of set.questions) {
  const why = judge(q, await askAsUser(bot, q));
  if (why) failures.set(q.id, `${q.id} ${JSON.stringify(q.q)}: ${why}`);
}

describe('the dev set', () => {
  it(`answers at most ${OUT_OF_SCOPE_CEILING * 100} % of the questions out of scope, saying the others are not covered`, () => {
    const outside = set.questions.filter((q) => q.outOfScope);
    const answered = outside.filter((q) => failures.has(q.id)).map((q) => failures.get(q.id));
    expect(answered.length / outside.length, answered.join('\n')).toBeLessThanOrEqual(OUT_OF_SCOPE_CEILING);
  });

  it('has about 10 % of questions out of scope', () => {
    const share = set.questions.filter((q) => q.outOfScope).length / set.questions.length;
    expect(share).toBeGreaterThan(0.07);
  });

  it('gives a locale only to questions whose words cannot tell their language', () => {
    const detector = assistant.understanding.languages;
    const clear = set.questions.filter((q) => q.locale && new Set(LANGUAGES.map((f) => detector.detect(q.q, f).language)).size === 1);
    expect(clear.map((q) => q.id)).toEqual([]);
  });

  for (const split of ['training', 'validation'] as const) {
    const questions = set.questions.filter((q) => splitOf(q) === split);
    for (const { language, passed, total } of accuracyByLanguage(questions, new Set(failures.keys()))) {
      it(`answers at least ${FLOORS[split][language] * 100} % of the ${language} ${split} questions`, () => {
        const mine = questions.filter((q) => q.lang === language && failures.has(q.id)).map((q) => failures.get(q.id));
        expect(passed / total, mine.join('\n')).toBeGreaterThanOrEqual(FLOORS[split][language]);
      });
    }
  }

  it(`answers at least ${FOLLOW_UP_FLOOR * 100} % of the follow-up turns of its conversations`, async () => {
    const conversations = set.conversations ?? [];
    const missed: string[] = [];
    for (const c of conversations) {
      const why = judge(c, await askConversation(bot, c));
      if (why) missed.push(`${c.id} ${JSON.stringify(c.turns)}: ${why}`);
    }
    expect(conversations.length).toBeGreaterThanOrEqual(30);
    expect(1 - missed.length / conversations.length, missed.join('\n')).toBeGreaterThanOrEqual(FOLLOW_UP_FLOOR);
  }, WHOLE_SET_TIMEOUT_MS);
});

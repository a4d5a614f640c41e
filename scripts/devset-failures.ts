// `npm run devset:failures`: every training question and conversation of the dev set the assistant
// gets wrong, with why and the first line of its answer; the list to work from when improving
// answers. Validation items are left out: they measure whether the work holds on others.
import { Bot } from '../src/bot.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { LowStore } from '../src/store/lowdb.js';
import { askAsUser, askConversation, judge, loadDevSet, loadQuestionSet, splitOf } from '../test/answers/devset.js';

const bot = new Bot(loadKnowledge(), LowStore.inMemory());
const devset = loadDevSet().filter((q) => splitOf(q) === 'training');
let failures = 0;
for (const question of devset) {
  const answer = await askAsUser(bot, question);
  const why = judge(question, answer);
  if (!why) continue;
  failures++;
  console.log(`${question.id} ${JSON.stringify(question.q)} → ${why} | ${answer.text.split('\n')[0]!.slice(0, 90)}`);
}
console.log(`${failures} of ${devset.length} questions fail`);
const conversations = (loadQuestionSet(new URL('../test/answers/devset.yaml', import.meta.url)).conversations ?? []).filter((c) => splitOf(c) === 'training');
let lost = 0;
for (const c of conversations) {
  const answer = await askConversation(bot, c);
  const why = judge(c, answer);
  if (!why) continue;
  lost++;
  console.log(`${c.id} ${JSON.stringify(c.turns)} → ${why} | ${answer.text.split('\n')[0]!.slice(0, 90)}`);
}
console.log(`${lost} of ${conversations.length} conversations fail`);

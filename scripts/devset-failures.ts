// `npm run devset:failures`: every training question of the dev set the assistant gets wrong, with
// why and the first line of its answer; the list to work from when improving answers. Validation
// questions are left out: they measure whether the work holds on questions not looked at.
import { Assistant } from '../src/answers/ask.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { askDev, judge, loadDevSet, splitOf } from '../test/answers/devset.js';

const assistant = new Assistant(loadKnowledge());
const devset = loadDevSet().filter((q) => splitOf(q) === 'training');
let failures = 0;
for (const question of devset) {
  const answer = askDev(assistant, question);
  const why = judge(question, answer);
  if (!why) continue;
  failures++;
  console.log(`${question.id} ${JSON.stringify(question.q)} → ${why} | ${answer.text.split('\n')[0]!.slice(0, 90)}`);
}
console.log(`${failures} of ${devset.length} questions fail`);

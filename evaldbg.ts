import { Assistant } from './src/answers/ask.js';
import { loadKnowledge } from './src/knowledge/loader.js';
import { judge, loadDevSet } from './test/answers/devset.js';
const a = new Assistant(loadKnowledge());
let fails = 0;
for (const q of loadDevSet()) {
  const ans = a.ask(q.q);
  const why = judge(q, ans);
  if (why) { fails++; console.log(`${q.id} ${JSON.stringify(q.q)} → ${why} | ${ans.text.split('\n')[0]!.slice(0, 90)}`); }
}
console.log('fails', fails);

// The speed of `ask` and the heap it keeps, in a fresh process on the compiled code that `npm start`
// runs, so that nothing the bench itself loads counts: the questions come as a JSON file, one line of
// JSON goes back. `bench/ask.ts` builds the code and runs this with --expose-gc.
import { readFileSync } from 'node:fs';
import { Assistant } from '../dist/src/answers/ask.js';
import { loadKnowledge } from '../dist/src/knowledge/loader.js';

const questions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const assistant = new Assistant(loadKnowledge());
for (const q of questions.slice(0, 50)) assistant.ask(q); // warm-up
const times = [];
for (const q of questions) {
  const s = performance.now();
  assistant.ask(q);
  times.push(performance.now() - s);
}
// After a full collection where node allows it: what the base, its index and their caches keep.
globalThis.gc?.();
console.log(JSON.stringify({ times, heapUsed: process.memoryUsage().heapUsed }));

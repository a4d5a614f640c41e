// One start, timed: the knowledge loaded and the assistant built (index and language model), as
// the server and the command line do it. `bench/ask.ts` runs it in fresh processes, without and
// with the derived-data cache.
import { Assistant } from '../src/answers/ask.js';
import { loadKnowledge } from '../src/knowledge/loader.js';

const t0 = performance.now();
const kb = loadKnowledge();
const t1 = performance.now();
new Assistant(kb);
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, index: t2 - t1 }));

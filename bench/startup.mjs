// One start, timed: the code imported (with the locales it reads as it loads), the knowledge loaded
// and the assistant built (index and language model), as `npm start` does it, on the compiled code in
// dist/. `bench/ask.ts` builds it and runs this in fresh processes, without and with the derived-data cache.
const t0 = performance.now();
const { Assistant } = await import('../dist/src/answers/ask.js');
const { loadKnowledge } = await import('../dist/src/knowledge/loader.js');
const t1 = performance.now();
const kb = loadKnowledge();
const t2 = performance.now();
new Assistant(kb);
const t3 = performance.now();
console.log(JSON.stringify({ code: t1 - t0, load: t2 - t1, index: t3 - t2 }));

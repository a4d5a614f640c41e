// `npm run bench`: speed and memory of `ask`, and the dev set's accuracy beside a plain BM25 over
// the raw source paragraphs. Prints figures; the targets are in the issue, not asserted here.
import { resolve } from 'node:path';
import { Assistant } from '../src/answers/ask.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { CANTON_CODES, LANGUAGES } from '../src/knowledge/schema.js';
import { FOLLOW_UPS } from '../src/answers/followups.js';
import { accuracyByLanguage, askDev, judge, loadDevSet } from '../test/answers/devset.js';
import { bm25, rawParagraphs } from './bm25.js';

const SEEDS = resolve(process.env.SEEDS_DIR ?? '../shared/seeds');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const t0 = performance.now();
const kb = loadKnowledge();
const t1 = performance.now();
const assistant = new Assistant(kb);
const t2 = performance.now();

const devset = loadDevSet();
// Varied questions: the dev set, and every canton asked about each kind of follow-up in every language.
const questions = [
  ...devset.map((q) => q.q),
  ...CANTON_CODES.flatMap((c) => LANGUAGES.flatMap((l) => [FOLLOW_UPS.criteria[l](c), FOLLOW_UPS.platform[l](c), FOLLOW_UPS.steering[l](c)])),
];
for (const q of questions.slice(0, 50)) assistant.ask(q); // warm-up
const times: number[] = [];
for (const q of questions) {
  const s = performance.now();
  assistant.ask(q);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);

const failures = new Set<string>();
for (const q of devset) if (judge(q, askDev(assistant, q))) failures.add(q.id);

const search = bm25(rawParagraphs(SEEDS));
const bmFailures = new Set<string>();
for (const q of devset) {
  const top = search(q.q);
  const answer = top
    ? { text: top.text, language: q.lang, sources: [{ document: top.document, title: '', where: '' }], confidence: 1 }
    : { text: '', language: q.lang, sources: [], confidence: 0 };
  if (judge(q, answer)) bmFailures.add(q.id);
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
console.log(`knowledge load      ${ms(t1 - t0)}`);
console.log(`index build         ${ms(t2 - t1)}`);
console.log(`load + index        ${ms(t2 - t0)}   (target < 500 ms)`);
console.log(`ask over ${questions.length} questions: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}   (target p99 < 5 ms)`);
console.log(`heap used           ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB`);
console.log('\ndev set accuracy    assistant    plain BM25 over the sources');
const ours = accuracyByLanguage(devset, failures);
const theirs = accuracyByLanguage(devset, bmFailures);
ours.forEach((a, i) => {
  const b = theirs[i]!;
  const pct = (x: { passed: number; total: number }) => `${((100 * x.passed) / x.total).toFixed(1)} % (${x.passed}/${x.total})`;
  console.log(`  ${a.language}                ${pct(a).padEnd(12)} ${pct(b)}`);
});

// `npm run bench`: speed and memory of `ask`, and the dev set's accuracy (training and validation
// parts, refusals, out-of-scope questions answered, follow-up turns) beside a plain BM25 over the raw
// source paragraphs. Prints figures; the targets are in the issue, not asserted here.
// Speed, start and heap are measured in fresh processes on the compiled code that `npm start` runs
// (built first): under tsx the same code is slower, its functions wrapped to keep their names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { CANTON_CODES, LANGUAGES } from '../src/knowledge/schema.js';
import { FOLLOW_UPS } from '../src/answers/followups.js';
import { Bot } from '../src/bot.js';
import { LowStore } from '../src/store/lowdb.js';
import { accuracyByLanguage, askAsUser, askConversation, judge, loadDevSet, loadQuestionSet, splitOf } from '../test/answers/devset.js';
import { bm25, rawParagraphs } from './bm25.js';

const SEEDS = resolve(process.env.SEEDS_DIR ?? '../shared/seeds');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One start in a fresh process, on this cache folder. */
function start(cacheDir: string): { code: number; load: number; index: number } {
  const out = execFileSync(process.execPath, [fileURLToPath(new URL('./startup.mjs', import.meta.url))], {
    env: { ...process.env, CACHE_DIR: cacheDir },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const cacheDir = mkdtempSync(join(tmpdir(), 'cii-bench-cache-'));
const uncached = start('off');
const cold = start(cacheDir);
const warm = start(cacheDir);

// Varied questions: the dev set, and every canton asked about each kind of follow-up in every language.
const questions = [
  ...loadDevSet().map((q) => q.q),
  ...CANTON_CODES.flatMap((c) => LANGUAGES.flatMap((l) => [FOLLOW_UPS.criteria[l](c), FOLLOW_UPS.platform[l](c), FOLLOW_UPS.steering[l](c)])),
];
const questionsFile = join(cacheDir, 'questions.json');
writeFileSync(questionsFile, JSON.stringify(questions));
const speed: { times: number[]; heapUsed: number } = JSON.parse(
  execFileSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./ask-speed.mjs', import.meta.url)), questionsFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
);
const times = speed.times.sort((a, b) => a - b);
const heapUsed = speed.heapUsed;
rmSync(cacheDir, { recursive: true, force: true });

const devset = loadDevSet();
// Judged as users meet the answers: each question routed by the bot.
const bot = new Bot(loadKnowledge(), LowStore.inMemory());
const verdicts = new Map<string, string | undefined>();
for (const q of devset) verdicts.set(q.id, judge(q, await askAsUser(bot, q)));
const failures = new Set(devset.filter((q) => verdicts.get(q.id)).map((q) => q.id));

const search = bm25(rawParagraphs(SEEDS));
const bmFailures = new Set<string>();
for (const q of devset) {
  const top = search(q.q);
  const answer = top
    ? { text: top.text, language: q.lang, sources: [{ document: top.document, short: '', title: '', where: '' }], confidence: 1 }
    : { text: '', language: q.lang, sources: [], confidence: 0 };
  if (judge(q, answer)) bmFailures.add(q.id);
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
console.log('start (fresh process)                   modules     load        index       load + index   (target from the cache < 150 ms)');
for (const [label, t] of [['without the cache', uncached], ['first, builds the cache (written after)', cold], ['next, from the cache', warm]] as const) {
  console.log(`  ${label.padEnd(40)}${ms(t.code).padEnd(12)}${ms(t.load).padEnd(12)}${ms(t.index).padEnd(12)}${ms(t.load + t.index)}`);
}
console.log(`ask over ${questions.length} questions: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}   (target p99 < 5 ms)`);
console.log(`heap used           ${(heapUsed / 1024 / 1024).toFixed(1)} MB   (target < 80 MB)`);
const pct = (x: { passed: number; total: number }) => `${((100 * x.passed) / Math.max(1, x.total)).toFixed(1)} % (${x.passed}/${x.total})`;
console.log('\ndev set, answered right   training               validation             all: plain BM25 over the sources');
const training = accuracyByLanguage(devset.filter((q) => splitOf(q) === 'training'), failures);
const validation = accuracyByLanguage(devset.filter((q) => splitOf(q) === 'validation'), failures);
const theirs = accuracyByLanguage(devset, bmFailures);
training.forEach((a, i) => console.log(`  ${a.language}                      ${pct(a).padEnd(23)}${pct(validation[i]!).padEnd(23)}${pct(theirs[i]!)}`));
const answerable = devset.filter((q) => !q.outOfScope);
const refused = answerable.filter((q) => verdicts.get(q.id) === 'said it does not know').length;
const outside = devset.filter((q) => q.outOfScope);
console.log(`  answerable questions refused      ${pct({ passed: refused, total: answerable.length })}   (target < 3 %)`);
console.log(`  out-of-scope questions answered   ${pct({ passed: outside.filter((q) => failures.has(q.id)).length, total: outside.length })}   (target < 10 %)`);
const conversations = loadQuestionSet(new URL('../test/answers/devset.yaml', import.meta.url)).conversations ?? [];
let followed = 0;
for (const c of conversations) if (!judge(c, await askConversation(bot, c))) followed++;
console.log(`  follow-up turns answered right    ${pct({ passed: followed, total: conversations.length })}   (target 85 %)`);

// `npm run devset:score -- <file.yaml>`: a question set in the dev set's format scored as a caseworker
// would meet it: per language, the answerable questions answered right, those refused, the
// out-of-scope questions answered anyway, and conversations whose last turn is answered right.
// For sets written blind before a change to how questions are read; `--failures` lists what fails.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Bot } from '../src/bot.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { LANGUAGES } from '../src/knowledge/schema.js';
import { LowStore } from '../src/store/lowdb.js';
import { askAsUser, askConversation, judge, loadQuestionSet } from '../test/answers/devset.js';

const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run devset:score -- <file.yaml> [--failures]');
  process.exit(2);
}
const set = loadQuestionSet(pathToFileURL(resolve(file)));
const bot = new Bot(loadKnowledge(), LowStore.inMemory());
const failures: string[] = [];
interface Row { language: string; right: number; answerable: number; refused: number; answeredOutside: number; outside: number; followed: number; conversations: number }
const rows: Row[] = [];
for (const language of LANGUAGES) {
  const questions = set.questions.filter((q) => q.lang === language);
  const answerable = questions.filter((q) => !q.outOfScope);
  const outside = questions.filter((q) => q.outOfScope);
  let right = 0;
  let refused = 0;
  let answeredOutside = 0;
  for (const q of questions) {
    const answer = await askAsUser(bot, q);
    const why = judge(q, answer);
    if (!why && !q.outOfScope) right++;
    if (why === 'said it does not know') refused++;
    if (q.outOfScope && why) answeredOutside++;
    if (why) failures.push(`${q.id} ${JSON.stringify(q.q)} → ${why} | ${answer.text.split('\n')[0]!.slice(0, 100)}`);
  }
  let followed = 0;
  const conversations = (set.conversations ?? []).filter((c) => c.lang === language);
  for (const c of conversations) {
    const answer = await askConversation(bot, c);
    const why = judge(c, answer);
    if (why) failures.push(`${c.id} ${JSON.stringify(c.turns)} → ${why} | ${answer.text.split('\n')[0]!.slice(0, 100)}`);
    else followed++;
  }
  rows.push({ language, right, answerable: answerable.length, refused, answeredOutside, outside: outside.length, followed, conversations: conversations.length });
}
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
console.log('language  answered right         refused        out of scope answered   follow-ups right');
const sum = (key: Exclude<keyof Row, 'language'>) => rows.reduce((n, r) => n + r[key], 0);
const line = (label: string, r: Omit<Row, 'language'>) =>
  `${label.padEnd(10)}${`${pct(r.right, r.answerable)} (${r.right}/${r.answerable})`.padEnd(23)}${`${pct(r.refused, r.answerable)} (${r.refused})`.padEnd(15)}${`${pct(r.answeredOutside, r.outside)} (${r.answeredOutside}/${r.outside})`.padEnd(24)}${pct(r.followed, r.conversations)} (${r.followed}/${r.conversations})`;
for (const r of rows) console.log(line(r.language, r));
console.log(line('all', { right: sum('right'), answerable: sum('answerable'), refused: sum('refused'), answeredOutside: sum('answeredOutside'), outside: sum('outside'), followed: sum('followed'), conversations: sum('conversations') }));
if (flag === '--failures') console.log(`\n${failures.join('\n')}`);

// Command line for coordinators' scripts and for evaluation:
//   npm run --silent cli -- ask "<question>" [--session <id>] [--lang de] [--json]
//   npm run --silent cli -- triage --canton ZH --facts '<json>' [--lang de] [--json | --format text]
// Exit codes: 0 answered, 2 bad input, 1 the knowledge base could not be loaded.
import { parseArgs } from 'node:util';
import { Assistant, MAX_QUESTION_LENGTH } from './answers/ask.js';
import type { Answer } from './answers/builder.js';
import { citations } from './answers/citations.js';
import { MESSAGES } from './i18n.js';
import { Bot } from './bot.js';
import { dotEnv, loadConfig } from './config.js';
import { LowStore } from './store/lowdb.js';
import { KnowledgeError, loadKnowledge } from './knowledge/loader.js';
import { CANTON_CODES, LANGUAGES, isLanguage, type CantonCode, type Language } from './knowledge/schema.js';
import { exportText } from './triage/export.js';
import { readFacts } from './triage/facts.js';
import { formatTriage } from './triage/format.js';
import { triageResult } from './triage/result.js';

const USAGE = `usage: cli ask "<question>" [--session <id>] [--lang fr|de|it|en] [--json]
         --session <id>: calls with the same id are one conversation (a follow-up such as "et à Zurich ?"
         inherits what the last answer was about); kept under DATA_DIR for 24 hours
       cli triage --canton <code> --facts '<json>' [--lang fr|de|it|en] [--json | --format text]
         --format text: the result for a case file (no names: canton, date, verdict, facts, criteria, sources)`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function language(value: string | undefined): Language | undefined {
  if (value !== undefined && !isLanguage(value)) fail(`--lang must be one of ${LANGUAGES.join(', ')}; got "${value}".`);
  return value;
}

/** A conversation's id as the command line takes it: letters, digits, "-" and "_". */
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

function printAnswer(answer: Answer, json: boolean): void {
  if (json) {
    const { text, language, sources, confidence, followUps } = answer;
    process.stdout.write(`${JSON.stringify({ text, language, sources, confidence, followUps })}\n`);
    return;
  }
  const sources = citations(answer.sources).map((c) => `  - ${c.short} — ${c.places}\n    ${c.title} (${c.document})`).join('\n');
  const follow = answer.followUps.map((f) => `  > ${f}`).join('\n');
  process.stdout.write(`${answer.text}\n${sources ? `\n${MESSAGES.sources[answer.language]}:\n${sources}\n` : ''}${follow ? `\n${follow}\n` : ''}`);
}

async function ask(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: 'string' }, json: { type: 'boolean', default: false }, session: { type: 'string' } },
  });
  const question = positionals.join(' ').trim();
  if (!question) fail(`The question is empty.\n${USAGE}`);
  if (question.length > MAX_QUESTION_LENGTH) fail(`The question is longer than ${MAX_QUESTION_LENGTH} characters.`);
  const lang = language(values.lang);
  if (values.session === undefined) {
    printAnswer(new Assistant(loadKnowledge()).ask(question, lang ? { language: lang } : {}), values.json);
    return;
  }
  if (!SESSION_ID.test(values.session)) fail(`--session takes letters, digits, "-" and "_" (at most 64); got "${values.session}".`);
  // The conversation's context lives in the embedded store, as the server keeps it.
  const store = await LowStore.open(loadConfig({ ...process.env, ...dotEnv() }).DATA_DIR);
  try {
    const replies = await new Bot(loadKnowledge(), store).handle({ conversationId: `cli:${values.session}`, text: question, ...(lang ? { language: lang } : {}) });
    for (const reply of replies) {
      if (reply.kind === 'answer') printAnswer(reply.answer, values.json);
      else if ('text' in reply) process.stdout.write(values.json ? `${JSON.stringify({ text: reply.text, language: reply.language, sources: [], confidence: 1, followUps: [] })}\n` : `${reply.text}\n`);
    }
  } finally {
    await store.close();
  }
}

function triage(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { canton: { type: 'string' }, facts: { type: 'string', default: '{}' }, lang: { type: 'string' }, json: { type: 'boolean', default: false }, format: { type: 'string' } },
  });
  if (values.format !== undefined && !['text', 'json'].includes(values.format)) fail(`--format must be text or json; got "${values.format}".`);
  const code = values.canton?.trim().toUpperCase();
  if (!code) fail(`--canton is required.\n${USAGE}`);
  if (!(CANTON_CODES as readonly string[]).includes(code)) fail(`Unknown canton: "${values.canton}". Use a code: ${CANTON_CODES.join(' ')}.`);
  const parsed = readFacts(values.facts);
  if (typeof parsed === 'string') fail(parsed);
  const facts = parsed;
  const lang = language(values.lang) ?? 'fr';
  const kb = loadKnowledge();
  const result = triageResult(kb, code as CantonCode, facts, lang);
  if (values.format === 'text') {
    process.stdout.write(`${exportText(kb, result, lang, new Date())}\n`);
    return;
  }
  if (values.json || values.format === 'json') {
    const { verdict, tier, canton, met, unmet, missing, nextSteps, sources } = result;
    process.stdout.write(`${JSON.stringify({ verdict, ...(tier ? { tier } : {}), canton, met, unmet, missing, nextSteps, sources })}\n`);
    return;
  }
  process.stdout.write(`${formatTriage(result, lang)}\n`);
}

const COMMANDS: Record<string, (args: string[]) => void | Promise<void>> = { ask, triage };

try {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) fail(USAGE);
  await run(rest);
} catch (error) {
  if (error instanceof KnowledgeError) fail(error.message, 1);
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) fail(`${error.message}\n${USAGE}`);
  throw error;
}

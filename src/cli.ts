// Command line for coordinators' scripts and for evaluation:
//   npm run --silent cli -- ask "<question>" [--lang de] [--json]
// Exit codes: 0 answered, 2 bad input, 1 the knowledge base could not be loaded.
import { parseArgs } from 'node:util';
import { Assistant, MAX_QUESTION_LENGTH } from './answers/ask.js';
import { KnowledgeError, loadKnowledge } from './knowledge/loader.js';
import { LANGUAGES, type Language } from './knowledge/schema.js';

const USAGE = `usage: cli ask "<question>" [--lang fr|de|it|en] [--json]`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function ask(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const question = positionals.join(' ').trim();
  if (!question) fail(`The question is empty.\n${USAGE}`);
  if (question.length > MAX_QUESTION_LENGTH) fail(`The question is longer than ${MAX_QUESTION_LENGTH} characters.`);
  if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang)) {
    fail(`--lang must be one of ${LANGUAGES.join(', ')}; got "${values.lang}".`);
  }
  const assistant = new Assistant(loadKnowledge());
  const answer = assistant.ask(question, values.lang ? { language: values.lang as Language } : {});
  if (values.json) {
    const { text, language, sources, confidence, followUps } = answer;
    process.stdout.write(`${JSON.stringify({ text, language, sources, confidence, followUps })}\n`);
    return;
  }
  const sources = answer.sources.map((s) => `  - ${s.title} (${s.document}), ${s.where}`).join('\n');
  const follow = answer.followUps.map((f) => `  > ${f}`).join('\n');
  process.stdout.write(`${answer.text}\n${sources ? `\nSources:\n${sources}\n` : ''}${follow ? `\n${follow}\n` : ''}`);
}

const COMMANDS: Record<string, (args: string[]) => void> = { ask };

try {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) fail(USAGE);
  run(rest);
} catch (error) {
  if (error instanceof KnowledgeError) fail(error.message, 1);
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) fail(`${error.message}\n${USAGE}`);
  throw error;
}

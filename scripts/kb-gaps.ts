// The questions users reported as unanswered in the last 90 days, grouped by the closest unit of
// the base, for a coordinator to add each to that unit's `questions:` or to add the missing fact:
//   npm run --silent kb:gaps [-- --lang fr|de|it|en]
// Reads the store the server writes: PostgreSQL with DATABASE_URL, else DATA_DIR/store.json.
// Exit codes: 0 listed, 2 bad input, 1 the configuration or the store could not be read.
import { parseArgs } from 'node:util';
import { ConfigError, dotEnv, loadConfig } from '../src/config.js';
import { gapListing } from '../src/gaps/listing.js';
import { LANGUAGES, isLanguage } from '../src/knowledge/schema.js';
import { LowStore } from '../src/store/lowdb.js';
import { PgStore } from '../src/store/postgres.js';
import { StoreError } from '../src/store/store.js';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let values: { lang?: string | undefined };
try {
  ({ values } = parseArgs({ options: { lang: { type: 'string', default: 'fr' } } }));
} catch (error) {
  fail(`${(error as Error).message}\nusage: npm run --silent kb:gaps [-- --lang fr|de|it|en]`, 2);
}
const language = values.lang;
if (!isLanguage(language)) fail(`--lang must be one of ${LANGUAGES.join(', ')}; got "${language}".`, 2);

try {
  const config = loadConfig({ ...process.env, ...dotEnv() });
  if (config.DATABASE_URL) {
    const store = await PgStore.open(config.DATABASE_URL);
    try {
      process.stdout.write(`${await gapListing(store, language)}\n`);
    } finally {
      await store.close();
    }
  } else {
    // Read only, and never closed: closing the embedded store writes its file, which the running
    // server may be writing too.
    process.stdout.write(`${await gapListing(await LowStore.open(config.DATA_DIR), language)}\n`);
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof StoreError) fail(error.message, 1);
  throw error;
}

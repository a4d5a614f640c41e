// `npm run kb:diff <old> <new>`: what changed between two editions, per canton and per part, with
// the facts' texts. <old> and <new> are edition ids (inventory-2025; `npm run kb:check` lists
// them) or edition folders. The edition folders loaded are those given so, those of
// KNOWLEDGE_EDITIONS and those after --edition. --lang de|it|en shows the facts in that language
// (French, the sources' language, by default).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UnknownEditionError, diffEditions, formatDiff } from '../src/knowledge/diff.js';
import { editionLayers, layerDate } from '../src/knowledge/editions.js';
import { KnowledgeError, editionFoldersFromEnv, loadKnowledge } from '../src/knowledge/loader.js';
import { folderName } from '../src/knowledge/reader.js';
import { isLanguage } from '../src/knowledge/schema.js';

const USAGE = 'usage: npm run kb:diff <old edition or folder> <new edition or folder> [-- --lang fr|de|it|en] [--edition <folder>]…';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string', default: 'fr' }, edition: { type: 'string', multiple: true, default: [] } },
});
const language = values.lang;
if (positionals.length !== 2 || !isLanguage(language)) {
  console.error(USAGE);
  process.exit(2);
}

const isFolder = (arg: string) => existsSync(arg) && statSync(arg).isDirectory();
const folders = [...new Set([...editionFoldersFromEnv(), ...values.edition.map((dir) => resolve(dir)), ...positionals.filter(isFolder).map((dir) => resolve(dir))])];

try {
  const kb = loadKnowledge(undefined, null, { editions: folders });
  /** A folder stands for its edition: the latest it describes. */
  const editionId = (arg: string) => {
    if (!isFolder(arg)) return arg;
    const layer = editionLayers(kb).find((l) => l.folder === folderName(resolve(arg)))!;
    return layer.documents.find((d) => d.edition.date === layerDate(layer))!.edition.id;
  };
  console.log(formatDiff(diffEditions(kb, editionId(positionals[0]!), editionId(positionals[1]!)), language));
} catch (error) {
  if (error instanceof UnknownEditionError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exit(1);
}

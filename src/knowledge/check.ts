// `npm run kb:check`: validates every knowledge file and cross-reference, and the edition folders
// laid over the base (KNOWLEDGE_EDITIONS, or `-- --edition <folder>`), then prints the editions and
// the coverage table.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCoverage, placesOf, textCoverage } from './coverage.js';
import { editionLayers } from './editions.js';
import { untranslated } from '../locales.js';
import { LANGUAGES } from './schema.js';
import { KnowledgeError, editionFoldersFromEnv, loadKnowledge } from './loader.js';
import { factQuestionCoverage, questionCoverage } from './units.js';
import { Assistant } from '../answers/ask.js';
import { errataReach } from '../answers/errata-reach.js';

const { values } = parseArgs({ options: { edition: { type: 'string', multiple: true, default: [] } } });
const editions = [...editionFoldersFromEnv(), ...values.edition.map((dir) => resolve(dir))];

try {
  // Always from the files: this is the check, not a start.
  const kb = loadKnowledge(undefined, null, { editions });
  const facts = [...kb.cantons.values()].length;
  console.log(`Knowledge base valid: ${facts} cantons, ${kb.indications.indications.length} indications, ` +
    `${kb.glossary.entries.length} glossary entries, ${kb.cantonProperties.properties.length} canton properties.\n`);
  // What kb:diff compares and answers say "as of": each document's edition, and the folder it comes from.
  const folderOf = new Map(editionLayers(kb).flatMap((l) => l.documents.map((d) => [d.file, l.folder] as const)));
  console.log('Editions (id, date, series: document):');
  for (const d of kb.sources.documents) console.log(`  ${d.edition.id}, ${d.edition.date}, ${d.edition.series}: ${d.file}${folderOf.has(d.file) ? ` (edition folder ${folderOf.get(d.file)})` : ''}`);
  console.log('');
  console.log(formatCoverage(kb));
  const texts = textCoverage(kb);
  console.log(`\nUser-facing texts (facts, notes, titles, names) per language, of ${texts.fr.of}:`);
  for (const [language, c] of Object.entries(texts)) console.log(`  ${language}: ${c.with} (${((100 * c.with) / c.of).toFixed(1)} %)`);
  // Every place cited is shown in the reader's language: each French word of it needs a translation.
  const places = placesOf(kb);
  console.log(`\nPlaces cited (${places.length}) with words the locale cannot translate (locales/<language>/locators.yaml):`);
  for (const language of LANGUAGES) {
    const missing = places.flatMap((where) => untranslated(where, language).map((words) => `«${words}» in «${where}»`));
    console.log(`  ${language}: ${missing.length === 0 ? 'none' : missing.length}`);
    for (const line of missing.slice(0, 20)) console.log(`    ${line}`);
    if (missing.length > 0) process.exitCode = 1;
  }
  // Every known error of the sources, by the topic it belongs to, and whether a question reaches it.
  const reach = errataReach(kb, new Assistant(kb));
  const byTopic = new Map<string, typeof reach>();
  for (const r of reach) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
  console.log(`\nErrata (${reach.length}) by topic, each reached by a question whose answer states it:`);
  for (const [topic, list] of [...byTopic].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${topic}: ${list.map((r) => `${r.erratum.kind}${r.reachedBy ? '' : ' (NO ANSWER STATES IT)'}`).join(', ')}`);
  }
  const unreached = reach.filter((r) => !r.reachedBy);
  if (unreached.length > 0) {
    console.error(`\n${unreached.length} erratum(s) no answer states: give the topic a question that reaches it (questions:) or attach the erratum to a topic that is answered (knowledge/errata.yaml).`);
    process.exitCode = 1;
  }
  // How people ask for each unit (`questions:`): the search reads them beside the unit's text.
  const asked = questionCoverage(kb);
  console.log(`\nUnits with their questions (at least 3 per language), of ${asked.fr.of}:`);
  for (const [language, c] of Object.entries(asked)) console.log(`  ${language}: ${c.with} units (${((100 * c.with) / c.of).toFixed(1)} %), ${c.questions} questions`);
  console.log('\nFacts asked for on their own (one fact of a unit holding several):');
  for (const [language, c] of Object.entries(factQuestionCoverage(kb))) console.log(`  ${language}: ${c.facts} facts, ${c.questions} questions`);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  console.error(`\n${error.problems.length} problem(s).`);
  process.exitCode = 1;
}

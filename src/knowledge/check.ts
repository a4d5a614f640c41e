// `npm run kb:check`: validates every knowledge file and cross-reference, then prints the coverage table.
import { formatCoverage, textCoverage } from './coverage.js';
import { KnowledgeError, loadKnowledge } from './loader.js';
import { questionCoverage } from './units.js';

try {
  // Always from the files: this is the check, not a start.
  const kb = loadKnowledge(undefined, null);
  const facts = [...kb.cantons.values()].length;
  console.log(`Knowledge base valid: ${facts} cantons, ${kb.indications.indications.length} indications, ` +
    `${kb.glossary.entries.length} glossary entries.\n`);
  console.log(formatCoverage(kb));
  const texts = textCoverage(kb);
  console.log(`\nUser-facing texts (facts, notes, titles, names) per language, of ${texts.fr.of}:`);
  for (const [language, c] of Object.entries(texts)) console.log(`  ${language}: ${c.with} (${((100 * c.with) / c.of).toFixed(1)} %)`);
  // How people ask for each unit (`questions:`): the search reads them beside the unit's text.
  const asked = questionCoverage(kb);
  console.log(`\nUnits with their questions (at least 3 per language), of ${asked.fr.of}:`);
  for (const [language, c] of Object.entries(asked)) console.log(`  ${language}: ${c.with} units (${((100 * c.with) / c.of).toFixed(1)} %), ${c.questions} questions`);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  console.error(`\n${error.problems.length} problem(s).`);
  process.exitCode = 1;
}

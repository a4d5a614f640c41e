// `npm run kb:check`: validates every knowledge file and cross-reference, then prints the coverage table.
import { formatCoverage } from './coverage.js';
import { KnowledgeError, loadKnowledge } from './loader.js';

try {
  // Always from the files: this is the check, not a start.
  const kb = loadKnowledge(undefined, null);
  const facts = [...kb.cantons.values()].length;
  console.log(`Knowledge base valid: ${facts} cantons, ${kb.indications.indications.length} indications, ` +
    `${kb.glossary.entries.length} glossary entries.\n`);
  console.log(formatCoverage(kb));
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  console.error(`\n${error.problems.length} problem(s).`);
  process.exitCode = 1;
}

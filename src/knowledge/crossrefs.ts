// Checks that hold across files: indication numbers, project identifiers, which document each
// file may cite. Schemas check each file alone; this checks the base as a whole.
import type { KnowledgeBase, Problem } from './base.js';
import { derivationProblems } from '../triage/derivations.js';
import { unknownTopics } from './topics.js';
import { ruleProblems } from '../triage/rules.js';
import { DOCUMENT_FILES, type DocumentFile, type Project, type Source } from './schema.js';

export const INDICATION_COUNT = 44;
export const INVENTORY_PROJECT_COUNT = 47;

/** Every `source` object anywhere under a value, with its path. */
export function* sourcesIn(value: unknown, path = ''): Generator<{ path: string; source: Source }> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* sourcesIn(item, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key === 'source' && item && typeof item === 'object' && 'document' in item) {
        yield { path: here, source: item as Source };
      } else {
        yield* sourcesIn(item, here);
      }
    }
  }
}

function citesOnly(file: string, value: unknown, allowed: DocumentFile[], problems: Problem[]): void {
  for (const { path, source } of sourcesIn(value)) {
    if (!allowed.includes(source.document)) {
      problems.push({ file, field: path, message: `cites ${source.document}, expected ${allowed.join(' or ')}` });
    }
  }
}

function indicationProblems(kb: KnowledgeBase, problems: Problem[]): void {
  const file = 'indications.yaml';
  const counts = new Map<number, number>();
  for (const { number } of kb.indications.indications) counts.set(number, (counts.get(number) ?? 0) + 1);
  for (let n = 1; n <= INDICATION_COUNT; n++) {
    const count = counts.get(n) ?? 0;
    if (count !== 1) problems.push({ file, field: 'indications', message: `indication ${n} appears ${count} times, expected once` });
  }
  const blockIds = new Set(kb.indications.blocks.map((b) => b.id));
  for (const [i, ind] of kb.indications.indications.entries()) {
    if (!blockIds.has(ind.block)) {
      problems.push({ file, field: `indications[${i}].block`, message: `block ${ind.block} is not defined in blocks` });
    }
  }
  const cited = new Set<number>();
  for (const block of kb.indications.blocks) for (const item of block.items) item.indications.forEach((n) => cited.add(n));
  for (let n = 1; n <= INDICATION_COUNT; n++) {
    if (!cited.has(n)) problems.push({ file, field: 'blocks', message: `no block item points to indication ${n}` });
  }
}

function organismeProblems(kb: KnowledgeBase, problems: Problem[]): void {
  const ids = kb.organismes.organismes.map((o) => o.id).sort();
  if (ids.join(',') !== 'ac,ai,aide-sociale') {
    problems.push({ file: 'organismes.yaml', field: 'organismes', message: `expected aide-sociale, ac and ai once each, got ${ids.join(', ')}` });
  }
  for (const [i, ind] of kb.indications.indications.entries()) {
    for (const org of ind.citedBy) {
      if (!ids.includes(org)) {
        problems.push({ file: 'indications.yaml', field: `indications[${i}].citedBy`, message: `unknown organisme ${org}` });
      }
    }
  }
}

function projectProblems(kb: KnowledgeBase, problems: Problem[]): void {
  const seen = new Set<string>();
  const check = (file: string, field: string, p: Project, owner: string) => {
    const [table, code] = p.id.split('-');
    if (seen.has(p.id)) problems.push({ file, field, message: `project id ${p.id} is used twice` });
    seen.add(p.id);
    if (table !== `T${p.table}`) problems.push({ file, field, message: `id ${p.id} does not match table ${p.table}` });
    if (code !== owner) problems.push({ file, field, message: `id ${p.id} does not match its canton ${owner}` });
  };
  for (const [code, c] of kb.cantons) {
    if (c.inventory.projects.status !== 'reported') continue;
    c.inventory.projects.items.forEach((p, i) => check(`cantons/${code}.yaml`, `inventory.projects.items[${i}]`, p, code));
  }
  kb.inventory.unattributedProjects.forEach((p, i) => check('inventory.yaml', `unattributedProjects[${i}]`, p, p.canton));
  if (seen.size !== INVENTORY_PROJECT_COUNT) {
    problems.push({ file: 'cantons/', field: 'inventory.projects', message: `${seen.size} projects, the inventory has ${INVENTORY_PROJECT_COUNT}` });
  }
}

function documentProblems(kb: KnowledgeBase, problems: Problem[]): void {
  const listed = kb.sources.documents.map((d) => d.file);
  for (const file of DOCUMENT_FILES) {
    if (listed.filter((f) => f === file).length !== 1) {
      problems.push({ file: 'sources.yaml', field: 'documents', message: `${file} must be described exactly once` });
    }
  }
  const [guide, sheet, inventory, neuchatel, oias] = DOCUMENT_FILES;
  const expect: [string, { document: DocumentFile }, DocumentFile][] = [
    ['inventory.yaml', kb.inventory, inventory],
    ['neuchatel.yaml', kb.neuchatel, neuchatel],
    ['oias.yaml', kb.oias, oias],
    ['national-programme.yaml', kb.nationalProgramme, sheet],
    ['guide.yaml', kb.guide, guide],
  ];
  for (const [file, doc, document] of expect) {
    if (doc.document !== document) problems.push({ file, field: 'document', message: `expected ${document}` });
    citesOnly(file, doc, [document], problems);
  }
  citesOnly('indications.yaml', kb.indications, [guide], problems);
  citesOnly('organismes.yaml', kb.organismes, [guide], problems);
  citesOnly('triage-derivations.yaml', kb.derivations, [inventory], problems);
  for (const [code, c] of kb.cantons) citesOnly(`cantons/${code}.yaml`, c, [inventory], problems);
}

function triageProblems(kb: KnowledgeBase, problems: Problem[]): void {
  for (const [code, c] of kb.cantons) {
    const file = `cantons/${code}.yaml`;
    const t = c.triage;
    const rules = t.status === 'rules' ? [['triage.rule', t.rule] as const] : t.status === 'tiers' ? t.tiers.map((x, i) => [`triage.tiers[${i}].rule`, x.rule] as const) : [];
    for (const [path, r] of rules) for (const p of ruleProblems(r, path)) problems.push({ file, ...p });
  }
  for (const p of derivationProblems(kb.derivations.derivations)) problems.push({ file: 'triage-derivations.yaml', ...p });
}

/** An erratum of errata.yaml that names a topic the base does not have would reach no answer. */
function errataTopicProblems(kb: KnowledgeBase, problems: Problem[]): void {
  for (const { index, topic } of unknownTopics(kb)) {
    problems.push({ file: 'errata.yaml', field: `errata[${index}].topics`, message: `${topic} is not a topic of the base, so no answer would state this erratum` });
  }
}

export function crossReferenceProblems(kb: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  errataTopicProblems(kb, problems);
  triageProblems(kb, problems);
  indicationProblems(kb, problems);
  organismeProblems(kb, problems);
  projectProblems(kb, problems);
  documentProblems(kb, problems);
  return problems;
}

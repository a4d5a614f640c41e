// Editions. Every document of the base is an edition of a publication: knowledge/sources.yaml gives
// its series, date and label, so every fact knows the edition it comes from (its source's
// document). A later edition is added beside the base, never over it, as an edition folder:
//
//   <folder>/sources.yaml        documents: the new edition's document, with its edition (the series
//                                of the document it follows, a later date)
//   <folder>/cantons/XX.yaml     code, and only the inventory parts that changed (triage: too, if the
//                                criteria's rule changed); the parts left out stay as they were
//   <folder>/inventory.yaml      document, asOf and only the sections that changed or were added,
//   (neuchatel.yaml, oias.yaml,  by id
//    national-programme.yaml)
//
// The loaded knowledge is the base with the edition folders laid over it in date order; the
// knowledge as of an earlier date leaves out the folders after it, so an older edition can still
// be asked. A part an edition folder leaves out is taken as unchanged in that edition.
import { z } from 'zod';
import { ruleProblems } from '../triage/rules.js';
import { SINGLE_FILES, type KnowledgeBase, type Problem } from './base.js';
import { sourcesIn } from './crossrefs.js';
import { FolderReader, folderName, readCantonFolder } from './reader.js';
import { canton, sourcesDocument, topicDocument, type CantonCode, type Edition, type InventoryPart, type SourcesDocument } from './schema.js';
import type { TopicDocumentKey } from './topics.js';

/** A canton file of an edition folder: the parts that changed. */
const cantonChange = z.strictObject({
  code: canton.shape.code,
  inventory: canton.shape.inventory.partial().default({}),
  triage: canton.shape.triage.optional(),
});
type CantonChange = z.infer<typeof cantonChange>;

/** A report file of an edition folder: the sections that changed or were added. */
const reportChange = topicDocument.pick({ document: true, asOf: true, sections: true });
type ReportChange = z.infer<typeof reportChange>;

/** The report files an edition folder may hold, as the base names them. */
export const REPORT_FILES: Record<TopicDocumentKey, string> = {
  inventory: SINGLE_FILES.inventory[0],
  neuchatel: SINGLE_FILES.neuchatel[0],
  oias: SINGLE_FILES.oias[0],
  nationalProgramme: SINGLE_FILES.nationalProgramme[0],
  guide: SINGLE_FILES.guide[0],
};

export type SourceDocument = SourcesDocument['documents'][number];

/** One edition folder, read and checked: plain data, so that the derived-data cache keeps it. */
export interface EditionLayer {
  folder: string;
  documents: SourceDocument[];
  cantons: Partial<Record<CantonCode, CantonChange>>;
  reports: Partial<Record<TopicDocumentKey, ReportChange>>;
}

/** A layer's date: its latest edition's. Dates compare as text: "2025" < "2025-05" < "2025-05-31". */
export function layerDate(layer: EditionLayer): string {
  return layer.documents.map((d) => d.edition.date).sort().at(-1)!;
}

/** The edition of a document the knowledge holds. */
export function editionOf(kb: KnowledgeBase, document: string): Edition | undefined {
  return kb.sources.documents.find((d) => d.file === document)?.edition;
}

/** A series' latest edition among documents. */
function latest(documents: readonly SourceDocument[], series: string): Edition | undefined {
  return documents
    .filter((d) => d.edition.series === series)
    .reduce<Edition | undefined>((last, d) => (!last || d.edition.date > last.date ? d.edition : last), undefined);
}

/** The edition of a series this knowledge is as of: its latest. */
export function currentEdition(kb: KnowledgeBase, series: string): Edition | undefined {
  return latest(kb.sources.documents, series);
}

// ---------------------------------------------------------------- reading and checking a folder

/** An edition folder as written; its problems in `reader`. */
export function readEditionFolder(dir: string): { layer?: EditionLayer; reader: FolderReader } {
  const reader = new FolderReader(dir, folderName(dir));
  const sources = reader.read('sources.yaml', sourcesDocument);
  const cantons = readCantonFolder(reader, cantonChange, reader.list('cantons') ?? []);
  const reports: EditionLayer['reports'] = {};
  for (const [key, file] of Object.entries(REPORT_FILES) as [TopicDocumentKey, string][]) {
    const report = reader.read(file, reportChange, true);
    if (report) reports[key] = report;
  }
  if (!sources || reader.problems.length > 0) return { reader };
  return { reader, layer: { folder: reader.folder!, documents: sources.documents, cantons: Object.fromEntries(cantons), reports } };
}

/**
 * What makes an edition folder wrong beside the base and the folders before it: a document or an
 * edition already known, a series with no earlier edition, a date not after the series' current
 * one, a file citing another publication, a folder that changes nothing.
 */
export function editionProblems(layer: EditionLayer, base: KnowledgeBase, earlier: readonly EditionLayer[]): Problem[] {
  const problems: Problem[] = [];
  const known = [...base.sources.documents, ...earlier.flatMap((l) => l.documents)];
  layer.documents.forEach((d, i) => {
    const field = `documents[${i}]`;
    if (known.some((k) => k.file === d.file)) problems.push({ file: 'sources.yaml', field: `${field}.file`, message: `${d.file} is already described: a new edition is a new document` });
    if (known.some((k) => k.edition.id === d.edition.id)) problems.push({ file: 'sources.yaml', field: `${field}.edition.id`, message: `edition ${d.edition.id} is already known` });
    const current = latest(known, d.edition.series);
    if (!current) {
      problems.push({ file: 'sources.yaml', field: `${field}.edition.series`, message: `series «${d.edition.series}» has no earlier edition: an edition folder adds a later edition of a document of knowledge/sources.yaml (series ${[...new Set(base.sources.documents.map((b) => b.edition.series))].join(', ')})` });
    } else if (d.edition.date <= current.date) {
      problems.push({ file: 'sources.yaml', field: `${field}.edition.date`, message: `${d.edition.date} is not after the current edition of «${d.edition.series}» (${current.id}, ${current.date})` });
    }
  });
  const all = [...known, ...layer.documents];
  /** The documents a file may cite: the editions of the publication the base's same file cites. */
  const seriesOf = (document: string) => all.find((d) => d.file === document)?.edition.series;
  const citesSeries = (file: string, value: unknown, series: string | undefined) => {
    for (const { path, source } of sourcesIn(value)) {
      if (seriesOf(source.document) !== series) {
        problems.push({ file, field: `${path}.document`, message: `cites ${source.document}, which is not an edition of «${series}» (the documents this file may cite are described in sources.yaml)` });
      }
    }
  };
  const inventorySeries = seriesOf(base.inventory.document);
  for (const [code, change] of Object.entries(layer.cantons) as [CantonCode, CantonChange][]) {
    const file = `cantons/${code}.yaml`;
    if (Object.keys(change.inventory).length === 0 && !change.triage) problems.push({ file, field: '', message: 'changes nothing: give the inventory parts that the new edition changes' });
    citesSeries(file, change, inventorySeries);
    if (change.triage?.status === 'rules') problems.push(...ruleProblems(change.triage.rule, 'triage.rule').map((p) => ({ file, ...p })));
    if (change.triage?.status === 'tiers') change.triage.tiers.forEach((t, i) => problems.push(...ruleProblems(t.rule, `triage.tiers[${i}].rule`).map((p) => ({ file, ...p }))));
  }
  for (const [key, report] of Object.entries(layer.reports) as [TopicDocumentKey, ReportChange][]) {
    const file = REPORT_FILES[key];
    const series = seriesOf(base[key].document);
    if (!layer.documents.some((d) => d.file === report.document)) problems.push({ file, field: 'document', message: `${report.document} is not a document of this folder's sources.yaml` });
    citesSeries(file, report, series);
  }
  if (Object.keys(layer.cantons).length === 0 && Object.keys(layer.reports).length === 0) {
    problems.push({ file: 'sources.yaml', field: '', message: 'the folder changes nothing: add the canton parts (cantons/XX.yaml) or the report sections (inventory.yaml…) that the new edition changes' });
  }
  return problems;
}

// ---------------------------------------------------------------- laying editions over the base

/** A part or section that an edition rewrites keeps the ways people ask for it, unless it gives its own. */
function keepQuestions<T extends { questions?: unknown }>(next: T, before: { questions?: unknown } | undefined): T {
  return next.questions || !before?.questions ? next : { ...next, questions: before.questions };
}

function overlay(base: KnowledgeBase, layers: readonly EditionLayer[]): KnowledgeBase {
  const cantons = new Map(base.cantons);
  const kb: KnowledgeBase = { ...base, cantons, sources: { documents: [...base.sources.documents] } };
  for (const layer of layers) {
    kb.sources.documents.push(...layer.documents);
    for (const change of Object.values(layer.cantons) as CantonChange[]) {
      const before = cantons.get(change.code)!;
      const inventory = { ...before.inventory } as Record<InventoryPart, unknown>;
      for (const [part, value] of Object.entries(change.inventory) as [InventoryPart, { questions?: unknown }][]) {
        inventory[part] = keepQuestions(value, before.inventory[part]);
      }
      cantons.set(change.code, { ...before, inventory: inventory as typeof before.inventory, triage: change.triage ?? before.triage });
    }
    for (const [key, change] of Object.entries(layer.reports) as [TopicDocumentKey, ReportChange][]) {
      const before = kb[key];
      const changed = new Map(change.sections.map((s) => [s.id, s]));
      const sections = before.sections.map((s) => (changed.has(s.id) ? keepQuestions(changed.get(s.id)!, s) : s));
      const added = change.sections.filter((s) => !before.sections.some((b) => b.id === s.id));
      (kb as Record<TopicDocumentKey, typeof before>)[key] = { ...before, document: change.document, asOf: change.asOf, sections: [...sections, ...added] };
    }
  }
  return kb;
}

/** The base and its edition folders in date order, behind every view laid from them. */
interface History {
  base: KnowledgeBase;
  layers: readonly EditionLayer[];
  views: Map<string, KnowledgeBase>;
}

const views = new WeakMap<KnowledgeBase, { history: History; layers: readonly EditionLayer[] }>();

function view(history: History, layers: readonly EditionLayer[]): KnowledgeBase {
  const key = layers.map((l) => history.layers.indexOf(l)).join(',');
  let kb = history.views.get(key);
  if (!kb) {
    kb = overlay(history.base, layers);
    history.views.set(key, kb);
    views.set(kb, { history, layers });
  }
  return kb;
}

/** The base with the edition folders (in date order, as the loader checks them) laid over it; the base itself when there is none. */
export function withEditions(base: KnowledgeBase, layers: readonly EditionLayer[]): KnowledgeBase {
  return layers.length === 0 ? base : view({ base, layers, views: new Map() }, layers);
}

/** The edition folders laid over this knowledge, oldest first. */
export function editionLayers(kb: KnowledgeBase): readonly EditionLayer[] {
  return views.get(kb)?.layers ?? [];
}

/**
 * The knowledge as it stood at a date ("2025-12-31", an edition's date): without the edition
 * folders after it (only those of one series, when given). Undefined when that is this knowledge itself.
 */
export function knowledgeAsOf(kb: KnowledgeBase, date: string, series?: string): KnowledgeBase | undefined {
  const entry = views.get(kb);
  if (!entry) return undefined;
  const otherSeries = (l: EditionLayer) => series !== undefined && l.documents.every((d) => d.edition.series !== series);
  const kept = entry.history.layers.filter((l) => layerDate(l) <= date || otherSeries(l));
  if (kept.length === entry.layers.length && kept.every((l) => entry.layers.includes(l))) return undefined;
  return view(entry.history, kept);
}

/** Every document the loaded folders hold, those of editions later than this view's included. */
export function knownDocuments(kb: KnowledgeBase): readonly SourceDocument[] {
  const entry = views.get(kb);
  return entry ? [...entry.history.base.sources.documents, ...entry.history.layers.flatMap((l) => l.documents)] : kb.sources.documents;
}

/** The editions of a series the loaded folders hold, oldest first, later ones than this view's included. */
export function seriesEditions(kb: KnowledgeBase, series: string): Edition[] {
  return knownDocuments(kb)
    .filter((d) => d.edition.series === series)
    .map((d) => d.edition)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The latest edition of a series that this knowledge leaves out (it is as of an earlier one). */
export function laterEdition(kb: KnowledgeBase, series: string): Edition | undefined {
  const here = currentEdition(kb, series);
  const newest = seriesEditions(kb, series).at(-1);
  return newest && here && newest.date > here.date ? newest : undefined;
}

// Reads every data file of knowledge/, validates each against its schema and the cross-references
// between them, lays the edition folders given over it (editions.ts), and returns the typed
// knowledge base. A file that fails is named with its line and field. A base already validated
// from the same files comes from the derived-data cache (cache.ts).
import { delimiter, resolve } from 'node:path';
import { projectPath } from '../paths.js';
import { SINGLE_FILES, type KnowledgeBase, type Problem } from './base.js';
import { CANTON_CODES, DOCUMENT_FILES, canton, type Canton, type CantonCode } from './schema.js';
import { attachCache, DerivedCache } from './cache.js';
import { crossReferenceProblems } from './crossrefs.js';
import { editionProblems, layerDate, readEditionFolder, withEditions, type EditionLayer } from './editions.js';
import { FolderReader, folderName, formatProblem, readCantonFolder } from './reader.js';

export type { KnowledgeBase, Problem };

export const DEFAULT_KNOWLEDGE_DIR = projectPath('knowledge');

export class KnowledgeError extends Error {
  /** `baseFolder`: where the base's files are, as problems name them. */
  constructor(
    readonly problems: Problem[],
    baseFolder = folderName(DEFAULT_KNOWLEDGE_DIR),
  ) {
    super(`The knowledge base is invalid:\n` + problems.map((p) => `  ${formatProblem(p, baseFolder)}`).join('\n'));
    this.name = 'KnowledgeError';
  }
}

export interface LoadOptions {
  /** Edition folders laid over the base (editions.ts); by default those of KNOWLEDGE_EDITIONS. */
  editions?: readonly string[];
}

/** `KNOWLEDGE_EDITIONS`: edition folders separated like PATH entries (":" on Linux), relative to where the command runs. */
export function editionFoldersFromEnv(): string[] {
  return (process.env.KNOWLEDGE_EDITIONS ?? '').split(delimiter).filter(Boolean).map((dir) => resolve(dir));
}

function readCantons(reader: FolderReader): Map<CantonCode, Canton> {
  const files = reader.list('cantons');
  if (!files) reader.add({ file: 'cantons/', field: '', message: 'folder is missing' });
  const cantons = readCantonFolder(reader, canton, files ?? []) as Map<CantonCode, Canton>;
  for (const code of CANTON_CODES) {
    if (!files?.includes(`${code}.yaml`)) reader.add({ file: `cantons/${code}.yaml`, field: '', message: 'file is missing' });
  }
  return cantons;
}

/** The validated base and its edition folders, before they are laid over it. */
interface Loaded {
  base: KnowledgeBase;
  layers: EditionLayer[];
}

/**
 * Loads and validates the whole base and the edition folders laid over it; throws a KnowledgeError
 * listing every problem. A base read before from the same files by the same code comes from the
 * cache (`null` reads the files).
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR, cache?: DerivedCache | null, options: LoadOptions = {}): KnowledgeBase {
  const editions = options.editions ?? editionFoldersFromEnv();
  const derived = cache === undefined ? DerivedCache.forKnowledge(dir, editions) : cache;
  const loaded = derived ? derived.get<Loaded>('knowledge', () => readKnowledge(dir, editions)) : readKnowledge(dir, editions);
  const kb = withEditions(loaded.base, loaded.layers);
  if (derived) attachCache(kb, derived);
  return kb;
}

function readKnowledge(dir: string, editions: readonly string[]): Loaded {
  const reader = new FolderReader(dir);
  const singles = Object.fromEntries(
    Object.entries(SINGLE_FILES).map(([key, [file, schema]]) => [key, reader.read(file, schema)]),
  );
  const cantons = readCantons(reader);
  if (reader.problems.length > 0) throw new KnowledgeError(reader.problems, folderName(dir));
  const base = { ...singles, cantons } as KnowledgeBase;
  // Later editions are never written over the five sources: they go in edition folders.
  base.sources.documents.forEach((d, i) => {
    if (!(DOCUMENT_FILES as readonly string[]).includes(d.file)) {
      reader.add({ file: 'sources.yaml', field: `documents[${i}].file`, message: `${d.file} is not one of the five source documents: a later edition goes in an edition folder beside knowledge/` });
    }
  });
  reader.add(...crossReferenceProblems(base));
  if (reader.problems.length > 0) throw new KnowledgeError(reader.problems, folderName(dir));
  return { base, layers: readEditions(base, editions) };
}

/** The edition folders in date order, each checked against the base and the folders before it. */
function readEditions(base: KnowledgeBase, dirs: readonly string[]): EditionLayer[] {
  const read = dirs.map((dir) => readEditionFolder(dir));
  const problems = read.flatMap((r) => r.reader.problems);
  if (problems.length > 0) throw new KnowledgeError(problems);
  const sorted = read.sort((a, b) => layerDate(a.layer!).localeCompare(layerDate(b.layer!)));
  sorted.forEach(({ layer, reader }, i) => reader.add(...editionProblems(layer!, base, sorted.slice(0, i).map((r) => r.layer!))));
  const checked = sorted.flatMap((r) => r.reader.problems);
  if (checked.length > 0) throw new KnowledgeError(checked);
  return sorted.map((r) => r.layer!);
}

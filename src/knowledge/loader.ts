// Reads every data file of knowledge/, validates each against its schema and the cross-references
// between them, and returns the typed knowledge base. A file that fails is named with the field.
// A base already validated from the same files comes from the derived-data cache (cache.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { projectPath } from '../paths.js';
import type { z } from 'zod';
import { SINGLE_FILES, type KnowledgeBase, type Problem } from './base.js';
import { CANTON_CODES, canton, type Canton, type CantonCode } from './schema.js';
import { attachCache, DerivedCache, type Codec } from './cache.js';
import { crossReferenceProblems } from './crossrefs.js';

export type { KnowledgeBase, Problem };

export const DEFAULT_KNOWLEDGE_DIR = projectPath('knowledge');

export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The knowledge base is invalid:\n` +
        problems.map((p) => `  ${p.file}: ${p.field || '(file)'}: ${p.message}`).join('\n'),
    );
    this.name = 'KnowledgeError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

function readFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: Problem[],
): z.infer<S> | undefined {
  const path = join(dir, file);
  const name = relative(dir, path);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      file: name,
      field: '',
      message: code === 'ENOENT' ? 'file is missing' : `not readable YAML: ${(error as Error).message}`,
    });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: name, field: formatPath(issue.path), message: issue.message });
    }
    return undefined;
  }
  return parsed.data;
}

function readCantons(dir: string, problems: Problem[]): Map<CantonCode, Canton> {
  const cantons = new Map<CantonCode, Canton>();
  const cantonDir = join(dir, 'cantons');
  let files: string[] = [];
  try {
    files = readdirSync(cantonDir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    problems.push({ file: 'cantons/', field: '', message: 'folder is missing' });
  }
  for (const file of files) {
    const data = readFile(dir, join('cantons', file), canton, problems);
    if (!data) continue;
    if (basename(file, '.yaml') !== data.code) {
      problems.push({ file: `cantons/${file}`, field: 'code', message: `code ${data.code} does not match the file name` });
      continue;
    }
    cantons.set(data.code, data);
  }
  for (const code of CANTON_CODES) {
    if (!files.includes(`${code}.yaml`)) {
      problems.push({ file: `cantons/${code}.yaml`, field: '', message: 'file is missing' });
    }
  }
  return cantons;
}

/** The validated base as JSON: its cantons map as entries. */
const KNOWLEDGE_CODEC: Codec<KnowledgeBase> = {
  encode: (kb) => ({ ...kb, cantons: [...kb.cantons] }),
  decode: (data) => {
    const { cantons, ...singles } = data as Omit<KnowledgeBase, 'cantons'> & { cantons: [CantonCode, Canton][] };
    return { ...singles, cantons: new Map(cantons) } as KnowledgeBase;
  },
};

/**
 * Loads and validates the whole base; throws a KnowledgeError listing every problem. A base read
 * before from the same files by the same code comes from the cache (`null` reads the files).
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR, cache: DerivedCache | null | undefined = DerivedCache.forKnowledge(dir)): KnowledgeBase {
  if (!cache) return readKnowledge(dir);
  const kb = cache.get('knowledge', () => readKnowledge(dir), KNOWLEDGE_CODEC);
  attachCache(kb, cache);
  return kb;
}

function readKnowledge(dir: string): KnowledgeBase {
  const problems: Problem[] = [];
  const singles = Object.fromEntries(
    Object.entries(SINGLE_FILES).map(([key, [file, schema]]) => [key, readFile(dir, file, schema, problems)]),
  );
  const cantons = readCantons(dir, problems);
  if (problems.length > 0) throw new KnowledgeError(problems);
  const kb = { ...singles, cantons } as KnowledgeBase;
  const crossProblems = crossReferenceProblems(kb);
  if (crossProblems.length > 0) throw new KnowledgeError(crossProblems);
  return kb;
}

// What the assistant derives from the knowledge files (the validated base, the search index, the
// language model) kept on disk between starts. Building it takes hundreds of milliseconds, reading
// it tens. The key hashes every knowledge file (the edition folders laid over the base too), every source file, the locales and the lock file, so a cache
// written by other files or other code is never read; a file that cannot be read is rebuilt.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../paths.js';

/** How a derived value becomes JSON and back. */
export interface Codec<T> {
  encode(value: T): unknown;
  decode(data: unknown): T;
}

/** `CACHE_DIR=off` turns the cache off; unset, it lives where npm tools keep theirs. */
function cacheDir(): string | undefined {
  const configured = process.env.CACHE_DIR;
  if (configured === 'off') return undefined;
  return configured || projectPath('node_modules', '.cache', 'cii-assistant');
}

/** The source folder this module was loaded from: src/ under tsx, dist/src/ once compiled. */
const CODE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

function hashOf(knowledgeDir: string, editionDirs: readonly string[]): string {
  const hash = createHash('sha256');
  // The locales hold the words the language model is trained on; each edition folder is keyed by its place in the list.
  const editions = editionDirs.map((dir, i) => [`edition ${i}`, dir] as const);
  for (const [label, dir] of [['knowledge', knowledgeDir], ...editions, ['code', CODE_DIR], ['locales', projectPath('locales')]] as const) {
    for (const file of filesUnder(dir)) hash.update(`${label}:${relative(dir, file)}\0`).update(readFileSync(file)).update('\0');
  }
  try {
    hash.update(readFileSync(projectPath('package-lock.json')));
  } catch {
    // No lock file (a copied tree): the code and the knowledge still key the cache.
  }
  return hash.digest('hex').slice(0, 16);
}

/** Versions kept per name. */
const KEPT_VERSIONS = 4;

export class DerivedCache {
  private constructor(
    private readonly dir: string,
    readonly key: string,
  ) {}

  /** The cache for a knowledge folder with the edition folders laid over it, or undefined when it is turned off. */
  static forKnowledge(knowledgeDir: string, editionDirs: readonly string[] = []): DerivedCache | undefined {
    const dir = cacheDir();
    if (!dir) return undefined;
    try {
      return new DerivedCache(dir, hashOf(knowledgeDir, editionDirs));
    } catch {
      // A folder that cannot be read: the loader reads it without a cache and names the problem.
      return undefined;
    }
  }

  /** The value stored under this name for this key, or the one `build` makes, stored for next time. */
  get<T>(name: string, build: () => T, codec: Codec<T>): T {
    const file = join(this.dir, `${name}-${this.key}.json`);
    try {
      return codec.decode(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // Missing, half-written by an older version or damaged: build it again.
    }
    const value = build();
    // Written once the start is done: the first answer need not wait for the disk.
    setImmediate(() => this.store(name, file, () => codec.encode(value)));
    return value;
  }

  /** Written whole then renamed, so that parallel starts never read half a file; failures only cost speed. */
  private store(name: string, file: string, data: () => unknown): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      writeFileSync(temporary, JSON.stringify(data()));
      renameSync(temporary, file);
      // Other keys (another checkout, a test's own base) may still be in use: only the oldest go.
      const others = readdirSync(this.dir)
        .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.json'))
        .map((f) => join(this.dir, f))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
      for (const old of others.slice(KEPT_VERSIONS)) rmSync(old, { force: true });
    } catch {
      // A read-only disk: the next start builds again.
    }
  }
}

/** The cache of each base loaded from disk; a base made in memory has none. */
const caches = new WeakMap<object, DerivedCache>();

export function attachCache(kb: object, cache: DerivedCache): void {
  caches.set(kb, cache);
}

export function cacheOf(kb: object): DerivedCache | undefined {
  return caches.get(kb);
}

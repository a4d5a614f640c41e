// What the assistant derives from the knowledge files (the validated base, the search index, the
// language model) kept on disk between starts. Building it takes hundreds of milliseconds, reading
// it tens. The key hashes the identity (inode, size, modification and change times) of every knowledge
// file (the edition folders laid over the base too) and of the locales, and the contents of every
// source file and of the lock file, so a cache written by other files or other code is never read; a
// file that cannot be read is rebuilt.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { projectPath } from '../paths.js';

/** How a derived value becomes data V8 can serialise (plain objects, arrays, maps, sets, typed arrays) and back. */
export interface Codec<T> {
  encode(value: T): unknown;
  decode(data: unknown): T;
}

/** For values that are such data already. */
const AS_IS: Codec<never> = { encode: (value) => value, decode: (data) => data as never };

/** `CACHE_DIR=off` turns the cache off; unset, it lives where npm tools keep theirs. */
function cacheDir(): string | undefined {
  const configured = process.env.CACHE_DIR;
  if (configured === 'off') return undefined;
  return configured || projectPath('node_modules', '.cache', 'cii-assistant');
}

/** The source folder this module was loaded from: src/ under tsx, dist/src/ once compiled. */
const CODE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/** Every file under a folder with its stat, sorted by path. */
function filesUnder(dir: string): [string, BigIntStats][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f): [string, BigIntStats] => [f, statSync(join(dir, f), { bigint: true })])
    .filter(([, stat]) => stat.isFile());
}

/**
 * A data file's identity as the disk tells it: writing a file always moves its change time (which no
 * tool sets back, unlike the modification time), so its contents need not be read to see a change.
 */
function identity(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

function hashOf(knowledgeDir: string, editionDirs: readonly string[]): string {
  const hash = createHash('sha256');
  // The locales hold the words the language model is trained on; each edition folder is keyed by its place in the list.
  const editions = editionDirs.map((dir, i) => [`edition ${i}`, dir] as const);
  for (const [label, dir] of [['knowledge', knowledgeDir], ...editions, ['locales', projectPath('locales')]] as const) {
    for (const [file, stat] of filesUnder(dir)) hash.update(`${label}:${file}:${identity(stat)}\0`);
  }
  // The code and the lock file by their contents: every build writes the code again, unchanged, and
  // `npm start` builds first.
  for (const [file] of filesUnder(CODE_DIR)) hash.update(`code:${file}\0`).update(readFileSync(join(CODE_DIR, file))).update('\0');
  try {
    hash.update(readFileSync(projectPath('package-lock.json')));
  } catch {
    // No lock file (a copied tree): the code and the knowledge still key the cache.
  }
  // V8's serialisation format belongs to the Node version that wrote it.
  hash.update(process.version);
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
  get<T>(name: string, build: () => T, codec: Codec<T> = AS_IS): T {
    const file = join(this.dir, `${name}-${this.key}.bin`);
    try {
      return codec.decode(deserialize(readFileSync(file)));
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
      writeFileSync(temporary, serialize(data()));
      renameSync(temporary, file);
      // Other keys (another checkout, a test's own base) may still be in use: only the oldest go.
      const others = readdirSync(this.dir)
        .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.bin'))
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

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

const LOCK_FILE = projectPath('package-lock.json');

/** The code's and the lock file's contents, hashed (a tree without a lock file is keyed by its code alone). */
function contentsHash(code: [string, BigIntStats][]): string {
  const hash = createHash('sha256');
  for (const [file] of code) hash.update(`code:${file}\0`).update(readFileSync(join(CODE_DIR, file))).update('\0');
  try {
    hash.update(readFileSync(LOCK_FILE));
  } catch {
    // No lock file (a copied tree): the code and the knowledge still key the cache.
  }
  return hash.digest('hex');
}

/**
 * The code and the lock file by their contents: every build writes the code again, unchanged, and
 * `npm start` builds first. Their contents are read again only when a file's identity changed: the hash
 * of the contents is kept under the hash of the identities.
 */
function codeHash(dir: string | undefined): string {
  const code = filesUnder(CODE_DIR);
  const identities = createHash('sha256');
  for (const [file, stat] of code) identities.update(`${file}:${identity(stat)}\0`);
  try {
    identities.update(identity(statSync(LOCK_FILE, { bigint: true })));
  } catch {
    // No lock file: see contentsHash.
  }
  const memo = dir && join(dir, `code-${identities.digest('hex').slice(0, 16)}.txt`);
  try {
    if (memo) return readFileSync(memo, 'utf8');
  } catch {
    // Not hashed yet for these files.
  }
  const hashed = contentsHash(code);
  if (memo) write(memo, () => hashed);
  return hashed;
}

/** The key of what is derived from these labelled folders' files, by this code on this Node version. */
function hashOf(folders: readonly (readonly [label: string, folder: string])[], dir: string | undefined): string {
  const hash = createHash('sha256');
  for (const [label, folder] of folders) {
    for (const [file, stat] of filesUnder(folder)) hash.update(`${label}:${file}:${identity(stat)}\0`);
  }
  hash.update(codeHash(dir));
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
    // The locales hold the words the language model is trained on; each edition folder is keyed by its place in the list.
    const editions = editionDirs.map((folder, i) => [`edition ${i}`, folder] as const);
    return DerivedCache.forFolders([['knowledge', knowledgeDir], ...editions, ['locales', projectPath('locales')]]);
  }

  /** The cache for what is derived from these folders' files alone (the locales), or undefined when it is turned off. */
  static forFolders(folders: readonly (readonly [label: string, folder: string])[]): DerivedCache | undefined {
    const dir = cacheDir();
    if (!dir) return undefined;
    try {
      return new DerivedCache(dir, hashOf(folders, dir));
    } catch {
      // A folder that cannot be read: the caller reads it without a cache and names the problem.
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
    setImmediate(() => write(file, () => serialize(codec.encode(value))));
    return value;
  }

}

/**
 * Written whole then renamed, so that parallel starts never read half a file; failures only cost speed.
 * Other versions of the same name (another checkout, a test's own base) may still be in use: only the oldest go.
 */
function write(file: string, data: () => string | Uint8Array): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temporary, data());
    renameSync(temporary, file);
    const [name, kind] = [file.slice(dir.length + 1).replace(/-[0-9a-f]{16}\.\w+$/, '-'), file.slice(file.lastIndexOf('.'))];
    const others = readdirSync(dir)
      .filter((f) => f.startsWith(name) && f.endsWith(kind))
      .map((f) => join(dir, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const old of others.slice(KEPT_VERSIONS)) rmSync(old, { force: true });
  } catch {
    // A read-only disk: the next start builds again.
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

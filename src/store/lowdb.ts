// The embedded store: one JSON file in DATA_DIR, held by lowdb and written atomically (a temporary
// file renamed over the old one). A file it cannot read stops the start and is left as it is.
import { mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low, Memory, type Adapter } from 'lowdb';
import { z } from 'zod';
import { StoreError, type PutOptions, type Store } from './store.js';

const entry = z.object({ value: z.unknown(), expiresAt: z.number().optional() });
const fileShape = z.object({ version: z.literal(1), collections: z.record(z.string(), z.record(z.string(), entry)) });
type Data = z.infer<typeof fileShape>;
type Entry = z.infer<typeof entry>;

export const STORE_FILE = 'store.json';

/**
 * Collections and keys are any strings: held in objects without a prototype, "__proto__",
 * "constructor" or "toString" is a key like any other, not a property every object inherits.
 */
function table<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** The file's collections (as JSON.parse gives them), each and their map without a prototype. */
export function tables(collections: Data['collections']): Data['collections'] {
  return table(Object.fromEntries(Object.entries(collections).map(([name, entries]) => [name, table(entries)])));
}

/** Marks kept at most (oldest first out): memory stays bounded whatever the rate of deliveries. */
const MAX_MARKS = 200_000;

/**
 * A mark's key as a 53-bit number (cyrb53), whatever the length of the ids in it: 200,000 marks
 * hold 20 MB, where their key strings took 45 MB with Teams' conversation ids (28 MB with the
 * bench's short ones). That a new delivery is taken for one held needs two keys of the same hash:
 * with the Map full, less likely than 1 in 10^10.
 */
function markId(collection: string, key: string): number {
  const text = `${collection}\u0000${key}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * lowdb's adapter for the file: compact JSON, exactly JSON.stringify(data), written as lowdb's
 * JSONFile writes it (a temporary file renamed over the old one) but from each collection's bytes
 * as the last write serialised them. Under load the file is written many times a second, each time
 * for one or two changed collections (conversations' contexts, a reference): the others are not
 * serialised again. Stored values are never changed in place (every put and update stores a new
 * value, as PostgreSQL, which copies them, requires), so a collection's bytes change only with it.
 */
export class StoreFile implements Adapter<Data> {
  private readonly temporary: string;
  /** Each collection's member of the file (`"name":{…}`), until it changes. */
  private readonly members = new Map<string, Buffer>();
  /** Writes one at a time, in order; each resolves once its file is in place. */
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {
    this.temporary = join(dirname(file), `.${basename(file)}.tmp`);
  }

  /** The collection changed (an entry put, updated, deleted or expired): serialised again at the next write. */
  changed(collection: string): void {
    this.members.delete(collection);
  }

  async read(): Promise<Data | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Data;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The file's bytes as they are now: exactly JSON.stringify(data). */
  bytes(data: Data): Buffer {
    const parts: Buffer[] = [];
    const text = (s: string) => parts.push(Buffer.from(s));
    let first = true;
    text('{');
    for (const key of Object.keys(data)) {
      if (key !== 'collections') {
        const value = JSON.stringify((data as Record<string, unknown>)[key]) as string | undefined;
        if (value === undefined) continue;
        text(`${first ? '' : ','}${JSON.stringify(key)}:${value}`);
        first = false;
        continue;
      }
      text(`${first ? '' : ','}"collections":{`);
      first = false;
      let firstCollection = true;
      for (const name of Object.keys(data.collections)) {
        let member = this.members.get(name);
        if (!member) this.members.set(name, (member = Buffer.concat([Buffer.from(`${JSON.stringify(name)}:`), Buffer.from(JSON.stringify(data.collections[name]))])));
        if (!firstCollection) text(',');
        firstCollection = false;
        parts.push(member);
      }
      text('}');
    }
    text('}');
    return Buffer.concat(parts);
  }

  write(data: Data): Promise<void> {
    // Serialised now, written once the write before is done.
    const bytes = this.bytes(data);
    const write = this.last.catch(() => undefined).then(async () => {
      await writeFile(this.temporary, bytes);
      await rename(this.temporary, this.file);
    });
    this.last = write;
    return write;
  }
}

export class LowStore implements Store {
  /** The next write, shared by every change made before it starts. */
  private scheduled?: Promise<void>;
  /** The write on disk now; changes made meanwhile wait for the next one, which covers them all. */
  private writing?: Promise<void>;
  /**
   * Deduplication marks live in memory only: they are short-lived, one process owns them, and kept
   * in the file they would make every write longer the more traffic the last hour had. Each key's
   * expiry, least recently set first (at most MAX_MARKS: the oldest goes first); a Map grows with
   * the marks held, where an LRU cache of that bound took 8 MB from the start.
   */
  private readonly marks = new Map<number, number>();
  /**
   * No entry expires before this (it may be earlier than the earliest expiry, never later): a write
   * looks for expired entries only from then on, not through every entry each time.
   */
  private nextExpiry = -Infinity;

  private constructor(
    private readonly db: Low<Data>,
    private readonly now: () => number,
    private readonly file?: StoreFile,
  ) {}

  /** Opens (or creates) DATA_DIR/store.json; throws a StoreError naming the file if it is unreadable. */
  static async open(dir: string, now: () => number = Date.now): Promise<LowStore> {
    const file = join(dir, STORE_FILE);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new StoreError(`Cannot create the data folder ${dir}: ${(error as Error).message}`);
    }
    const adapter = new StoreFile(file);
    const db = new Low<Data>(adapter, { version: 1, collections: table() });
    try {
      await db.read();
    } catch (error) {
      throw new StoreError(`${file} is not readable (${(error as Error).message}). It was left unchanged: repair or move it, then start again.`);
    }
    const parsed = fileShape.safeParse(db.data);
    if (!parsed.success) {
      throw new StoreError(`${file} does not have the expected shape (${parsed.error.issues[0]?.message}). It was left unchanged: repair or move it, then start again.`);
    }
    db.data.collections = tables(db.data.collections);
    return new LowStore(db, now, adapter);
  }

  /** A store that keeps nothing on disk, for tests. */
  static inMemory(now: () => number = Date.now): LowStore {
    return new LowStore(new Low<Data>(new Memory<Data>(), { version: 1, collections: table() }), now);
  }

  private live(e: Entry | undefined): Entry | undefined {
    return e && (e.expiresAt === undefined || e.expiresAt > this.now()) ? e : undefined;
  }

  /** The collection, about to change. */
  private collection(name: string): Record<string, Entry> {
    this.file?.changed(name);
    return (this.db.data.collections[name] ??= table());
  }

  private entry(value: unknown, options: PutOptions): Entry {
    if (!options.ttlMs) return { value };
    const expiresAt = this.now() + options.ttlMs;
    this.nextExpiry = Math.min(this.nextExpiry, expiresAt);
    return { value, expiresAt };
  }

  /** Deletes the expired entries, and notes when the next one expires. */
  private sweep(): void {
    const now = this.now();
    if (now < this.nextExpiry) return;
    let next = Infinity;
    for (const [name, collection] of Object.entries(this.db.data.collections)) {
      for (const key in collection) {
        const expiresAt = collection[key]!.expiresAt;
        if (expiresAt === undefined) continue;
        if (expiresAt > now) next = Math.min(next, expiresAt);
        else {
          delete collection[key];
          this.file?.changed(name);
        }
      }
    }
    this.nextExpiry = next;
  }

  /**
   * At most one write in flight, and one waiting that covers every change made since the last
   * began: under load the file is serialised once per write, never once per change. Every caller's
   * promise resolves once a write that holds its change is on disk. Expired entries go then too.
   */
  private save(): Promise<void> {
    this.scheduled ??= (this.writing ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.scheduled = undefined;
        this.sweep();
        const write = this.db.write();
        const writing: Promise<void> = write.finally(() => {
          if (this.writing === writing) this.writing = undefined;
        });
        this.writing = writing;
        return write;
      });
    return this.scheduled;
  }

  async get<T>(collection: string, key: string): Promise<T | undefined> {
    return this.live(this.db.data.collections[collection]?.[key])?.value as T | undefined;
  }

  async put<T>(collection: string, key: string, value: T, options: PutOptions = {}): Promise<void> {
    this.collection(collection)[key] = this.entry(value, options);
    const saved = this.save();
    // A lazy put is read from memory at once; should its write fail, the next one (every write is
    // of the whole file) or close() writes it, and the callers who wait for that one hear of it.
    if (options.lazy) saved.catch(() => undefined);
    else await saved;
  }

  async update<T>(collection: string, key: string, change: (current: T | undefined) => T | undefined, options: PutOptions = {}): Promise<T | undefined> {
    // Read and change happen in one synchronous step, so concurrent updates cannot interleave.
    const entries = this.collection(collection);
    const next = change(this.live(entries[key])?.value as T | undefined);
    if (next === undefined) delete entries[key];
    else entries[key] = this.entry(next, options);
    await this.save();
    return next;
  }

  /** One process: nothing else can hold the entry, so this is update. */
  tryUpdate<T>(collection: string, key: string, change: (current: T | undefined) => T | undefined, options: PutOptions = {}): Promise<T | undefined> {
    return this.update(collection, key, change, options);
  }

  async delete(collection: string, key: string): Promise<void> {
    delete this.collection(collection)[key];
    await this.save();
  }

  /** Whether a mark is held now: until its time is past (a mark of no time is held until it goes). */
  private held(id: number, now: number): boolean {
    const until = this.marks.get(id);
    return until !== undefined && now <= until;
  }

  private mark(id: number, ms: number, now: number): void {
    this.marks.delete(id);
    if (this.marks.size >= MAX_MARKS) this.marks.delete(this.marks.keys().next().value!);
    this.marks.set(id, ms > 0 ? now + ms : Infinity);
  }

  async claim(collection: string, keys: string[], ms: number): Promise<boolean> {
    const now = this.now();
    const ids = keys.map((k) => markId(collection, k));
    if (ids.some((id) => this.held(id, now))) return false;
    for (const id of ids) this.mark(id, ms, now);
    return true;
  }

  async hold(collection: string, keys: string[], ms: number): Promise<void> {
    const now = this.now();
    for (const k of keys) this.mark(markId(collection, k), ms, now);
  }

  async release(collection: string, keys: string[]): Promise<void> {
    for (const k of keys) this.marks.delete(markId(collection, k));
  }

  async list<T>(collection: string): Promise<[string, T][]> {
    return Object.entries(this.db.data.collections[collection] ?? {}).flatMap(([key, e]) => (this.live(e) ? [[key, e.value as T] as [string, T]] : []));
  }

  async close(): Promise<void> {
    await this.scheduled;
    await this.db.write();
  }
}

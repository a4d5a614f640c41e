// The embedded store: one JSON file in DATA_DIR, written atomically (a temporary file renamed over
// the old one) by lowdb. A file it cannot read stops the start and is left as it is.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { z } from 'zod';
import { StoreError, type PutOptions, type Store } from './store.js';

const entry = z.object({ value: z.unknown(), expiresAt: z.number().optional() });
const fileShape = z.object({ version: z.literal(1), collections: z.record(z.string(), z.record(z.string(), entry)) });
type Data = z.infer<typeof fileShape>;
type Entry = z.infer<typeof entry>;

export const STORE_FILE = 'store.json';
/** Marks kept at most (oldest first out): memory stays bounded whatever the rate of deliveries. */
const MAX_MARKS = 200_000;

export class LowStore implements Store {
  /** The next write, shared by every change made before it starts. */
  private scheduled?: Promise<void>;
  /** The write on disk now; changes made meanwhile wait for the next one, which covers them all. */
  private writing?: Promise<void>;
  /**
   * Deduplication marks live in memory only: they are short-lived, one process owns them, and kept
   * in the file they would make every write longer the more traffic the last hour had.
   */
  private readonly marks: LRUCache<string, true>;

  private constructor(private readonly db: Low<Data>, private readonly now: () => number) {
    this.marks = new LRUCache<string, true>({ max: MAX_MARKS, ttlResolution: 0, perf: { now } });
  }

  /** Opens (or creates) DATA_DIR/store.json; throws a StoreError naming the file if it is unreadable. */
  static async open(dir: string, now: () => number = Date.now): Promise<LowStore> {
    const file = join(dir, STORE_FILE);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new StoreError(`Cannot create the data folder ${dir}: ${(error as Error).message}`);
    }
    const db = new Low<Data>(new JSONFile<Data>(file), { version: 1, collections: {} });
    try {
      await db.read();
    } catch (error) {
      throw new StoreError(`${file} is not readable (${(error as Error).message}). It was left unchanged: repair or move it, then start again.`);
    }
    const parsed = fileShape.safeParse(db.data);
    if (!parsed.success) {
      throw new StoreError(`${file} does not have the expected shape (${parsed.error.issues[0]?.message}). It was left unchanged: repair or move it, then start again.`);
    }
    return new LowStore(db, now);
  }

  /** A store that keeps nothing on disk, for tests. */
  static inMemory(now: () => number = Date.now): LowStore {
    return new LowStore(new Low<Data>(new Memory<Data>(), { version: 1, collections: {} }), now);
  }

  private live(e: Entry | undefined): Entry | undefined {
    return e && (e.expiresAt === undefined || e.expiresAt > this.now()) ? e : undefined;
  }

  private collection(name: string): Record<string, Entry> {
    return (this.db.data.collections[name] ??= {});
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
        for (const collection of Object.values(this.db.data.collections)) {
          for (const [key, e] of Object.entries(collection)) if (!this.live(e)) delete collection[key];
        }
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
    this.collection(collection)[key] = { value, ...(options.ttlMs ? { expiresAt: this.now() + options.ttlMs } : {}) };
    await this.save();
  }

  async update<T>(collection: string, key: string, change: (current: T | undefined) => T | undefined, options: PutOptions = {}): Promise<T | undefined> {
    // Read and change happen in one synchronous step, so concurrent updates cannot interleave.
    const entries = this.collection(collection);
    const next = change(this.live(entries[key])?.value as T | undefined);
    if (next === undefined) delete entries[key];
    else entries[key] = { value: next, ...(options.ttlMs ? { expiresAt: this.now() + options.ttlMs } : {}) };
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

  async claim(collection: string, keys: string[], ms: number): Promise<boolean> {
    const ids = keys.map((k) => `${collection}\u0000${k}`);
    if (ids.some((id) => this.marks.has(id))) return false;
    for (const id of ids) this.marks.set(id, true, { ttl: ms });
    return true;
  }

  async hold(collection: string, keys: string[], ms: number): Promise<void> {
    for (const k of keys) this.marks.set(`${collection}\u0000${k}`, true, { ttl: ms });
  }

  async release(collection: string, keys: string[]): Promise<void> {
    for (const k of keys) this.marks.delete(`${collection}\u0000${k}`);
  }

  async list<T>(collection: string): Promise<[string, T][]> {
    return Object.entries(this.db.data.collections[collection] ?? {}).flatMap(([key, e]) => (this.live(e) ? [[key, e.value as T] as [string, T]] : []));
  }

  async close(): Promise<void> {
    await this.scheduled;
    await this.db.write();
  }
}

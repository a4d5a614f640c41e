// The embedded store: one JSON file in DATA_DIR, written atomically (a temporary file renamed over
// the old one) by lowdb. A file it cannot read stops the start and is left as it is.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { z } from 'zod';
import { StoreError, type PutOptions, type Store } from './store.js';

const entry = z.object({ value: z.unknown(), expiresAt: z.number().optional() });
const fileShape = z.object({ version: z.literal(1), collections: z.record(z.string(), z.record(z.string(), entry)) });
type Data = z.infer<typeof fileShape>;
type Entry = z.infer<typeof entry>;

export const STORE_FILE = 'store.json';

export class LowStore implements Store {
  /** The next write, shared by every change made before it starts. */
  private scheduled?: Promise<void>;

  private constructor(private readonly db: Low<Data>, private readonly now: () => number) {}

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
   * Writes the file once for all the changes made in the same turn of the event loop: under load a
   * write per change would serialise the whole file each time. Every caller's promise resolves
   * only once the write that holds its change is on disk. Expired entries are dropped then too.
   */
  private save(): Promise<void> {
    this.scheduled ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        this.scheduled = undefined;
        for (const collection of Object.values(this.db.data.collections)) {
          for (const [key, e] of Object.entries(collection)) if (!this.live(e)) delete collection[key];
        }
        this.db.write().then(resolve, reject);
      });
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

  async list<T>(collection: string): Promise<[string, T][]> {
    return Object.entries(this.db.data.collections[collection] ?? {}).flatMap(([key, e]) => (this.live(e) ? [[key, e.value as T] as [string, T]] : []));
  }

  async close(): Promise<void> {
    await this.scheduled;
    await this.db.write();
  }
}

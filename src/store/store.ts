// The storage interface every stateful part goes through (triage sessions, checklists, conversation
// references, reminders, deduplication marks), so that a server database can implement it.

export interface PutOptions {
  /** After this many milliseconds the entry is gone (triage sessions: 24 hours). */
  ttlMs?: number;
  /**
   * Resolve once this process reads the new value, without waiting for the disk: for what a reply
   * need not wait for (a conversation's context and language). The change is still written, with
   * the next write of the file, and close() writes it. A store that holds nothing in memory
   * (PostgreSQL) resolves once the value is stored, as without it.
   */
  lazy?: boolean;
}

export interface Store {
  get<T>(collection: string, key: string): Promise<T | undefined>;
  put<T>(collection: string, key: string, value: T, options?: PutOptions): Promise<void>;
  /** Reads, changes and writes one entry with no other change in between; undefined deletes it. */
  update<T>(collection: string, key: string, change: (current: T | undefined) => T | undefined, options?: PutOptions): Promise<T | undefined>;
  /**
   * Like update, for claims: where another instance is changing the entry right now, gives up at
   * once and returns undefined instead of waiting (PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED).
   */
  tryUpdate<T>(collection: string, key: string, change: (current: T | undefined) => T | undefined, options?: PutOptions): Promise<T | undefined>;
  delete(collection: string, key: string): Promise<void>;
  /**
   * Short-lived marks (deduplication): takes every key at once for `ms`, or none of them when any
   * is already held, in one operation. True when they were taken. Marks never enter `list`.
   */
  claim(collection: string, keys: string[], ms: number): Promise<boolean>;
  /** Holds the keys for `ms` from now whatever they held (a claim's keys once its work is done). */
  hold(collection: string, keys: string[], ms: number): Promise<void>;
  /** Lets the keys go, so that the next delivery may claim them (a claim whose work failed). */
  release(collection: string, keys: string[]): Promise<void>;
  /** Every live entry of a collection. */
  list<T>(collection: string): Promise<[string, T][]>;
  /** Writes what is pending and releases the store. */
  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

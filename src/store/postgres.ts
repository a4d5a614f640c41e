// The store on PostgreSQL, for several instances behind a load balancer. Each update reads the
// entry with SELECT … FOR UPDATE inside a transaction, so two instances changing one entry (two
// ticks on one checklist, two claims of one reminder) never lose each other's change. Migrations
// are the versioned SQL files in migrations/, applied at start under an advisory lock, once.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { projectPath } from '../paths.js';
import { StoreError, type PutOptions, type Store } from './store.js';

const MIGRATIONS_DIR = `${projectPath('migrations')}/`;
/** An arbitrary constant: the advisory lock that serialises migrations between instances. */
const MIGRATION_LOCK = 4_217_001;
/** Marks sit in collections of their own, so that `list` of a collection never returns them. */
const MARKS_PREFIX = 'marks:';

/** Every this many claims, an instance deletes the expired marks of the collection it claims in. */
const SWEEP_EVERY = 500;

/** A claim found a key held: its transaction rolls back. */
class Held extends Error {}

export class PgStore implements Store {
  private claims = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number,
  ) {}

  static async open(url: string, now: () => number = Date.now): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection the server ends (a restart, a failover) is dropped and replaced by the pool;
    // unhandled, its error would stop the process. A lasting outage shows in the next query's error.
    pool.on('error', () => {});
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw new StoreError(`PostgreSQL at DATABASE_URL is not usable: ${(error as Error).message}`);
    }
    return new PgStore(pool, now);
  }

  private expiry(options: PutOptions): Date | null {
    return options.ttlMs ? new Date(this.now() + options.ttlMs) : null;
  }

  private get nowDate(): Date {
    return new Date(this.now());
  }

  async get<T>(collection: string, key: string): Promise<T | undefined> {
    const { rows } = await this.pool.query('SELECT value FROM kv WHERE collection = $1 AND key = $2 AND (expires_at IS NULL OR expires_at > $3)', [collection, key, this.nowDate]);
    return rows[0]?.value as T | undefined;
  }

  async put<T>(collection: string, key: string, value: T, options: PutOptions = {}): Promise<void> {
    await this.pool.query(
      `INSERT INTO kv (collection, key, value, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (collection, key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at`,
      [collection, key, JSON.stringify(value), this.expiry(options)],
    );
  }

  update<T>(collection: string, key: string, change: (current: T | undefined) => T | undefined, options: PutOptions = {}): Promise<T | undefined> {
    return this.change(collection, key, change, options, false);
  }

  tryUpdate<T>(collection: string, key: string, change: (current: T | undefined) => T | undefined, options: PutOptions = {}): Promise<T | undefined> {
    return this.change(collection, key, change, options, true);
  }

  private change<T>(collection: string, key: string, change: (current: T | undefined) => T | undefined, options: PutOptions, skipLocked: boolean): Promise<T | undefined> {
    return inTransaction(this.pool, async (client) => {
      // Lock the row if it exists; a missing row is created under the same key by the first
      // transaction, and a concurrent one waits on the primary key and then sees it.
      await client.query('INSERT INTO kv (collection, key, value, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [collection, key, 'null', new Date(0)]);
      const { rows } = await client.query(`SELECT value, expires_at FROM kv WHERE collection = $1 AND key = $2 FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`, [collection, key]);
      const row = rows[0] as { value: unknown; expires_at: Date | null } | undefined;
      // No row under SKIP LOCKED: another instance holds it; leave it to them.
      if (skipLocked && !row) return undefined;
      const live = row && (row.expires_at === null || row.expires_at > this.nowDate) ? (row.value as T) : undefined;
      const next = change(live);
      if (next === undefined) await client.query('DELETE FROM kv WHERE collection = $1 AND key = $2', [collection, key]);
      else await client.query('UPDATE kv SET value = $3, expires_at = $4 WHERE collection = $1 AND key = $2', [collection, key, JSON.stringify(next), this.expiry(options)]);
      return next;
    });
  }

  async delete(collection: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM kv WHERE collection = $1 AND key = $2', [collection, key]);
  }

  async claim(collection: string, keys: string[], ms: number): Promise<boolean> {
    if (++this.claims % SWEEP_EVERY === 0) {
      await this.pool.query('DELETE FROM kv WHERE collection = $1 AND expires_at <= $2', [MARKS_PREFIX + collection, this.nowDate]);
    }
    const sorted = [...new Set(keys)].sort();
    return inTransaction(this.pool, async (client) => {
      // One statement takes every free key (sorted, so two claims lock in the same order and never
      // deadlock); a key another delivery holds is not taken, and then the whole claim rolls back.
      const { rowCount } = await client.query(
        `INSERT INTO kv (collection, key, value, expires_at)
         SELECT $1, key, 'true', $3 FROM unnest($2::text[]) AS key ORDER BY key
         ON CONFLICT (collection, key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at
         WHERE kv.expires_at IS NOT NULL AND kv.expires_at <= $4`,
        [MARKS_PREFIX + collection, sorted, new Date(this.now() + ms), this.nowDate],
      );
      if (rowCount === sorted.length) return true;
      throw new Held();
    }).catch((error) => {
      if (error instanceof Held) return false;
      throw error;
    });
  }

  async hold(collection: string, keys: string[], ms: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO kv (collection, key, value, expires_at) SELECT $1, key, 'true', $3 FROM unnest($2::text[]) AS key ORDER BY key
       ON CONFLICT (collection, key) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [MARKS_PREFIX + collection, [...new Set(keys)].sort(), new Date(this.now() + ms)],
    );
  }

  async release(collection: string, keys: string[]): Promise<void> {
    await this.pool.query('DELETE FROM kv WHERE collection = $1 AND key = ANY($2::text[])', [MARKS_PREFIX + collection, keys]);
  }

  async list<T>(collection: string): Promise<[string, T][]> {
    const { rows } = await this.pool.query('SELECT key, value FROM kv WHERE collection = $1 AND (expires_at IS NULL OR expires_at > $2) ORDER BY key', [collection, this.nowDate]);
    return rows.map((r: { key: string; value: T }) => [r.key, r.value]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Runs the work in one transaction: committed if it returns, rolled back if it throws. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Applies the migrations not yet applied, in order, once, even when instances start together. */
export function migrate(pool: pg.Pool): Promise<string[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r: { version: string }) => r.version));
    const applied: string[] = [];
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) {
      if (done.has(file)) continue;
      await client.query(readFileSync(`${MIGRATIONS_DIR}${file}`, 'utf8'));
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}

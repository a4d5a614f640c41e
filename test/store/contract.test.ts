// One contract for every store: the embedded lowdb store and PostgreSQL (when DATABASE_URL names
// one; CI starts a throwaway cluster). Each suite works in collections of its own.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { LowStore } from '../../src/store/lowdb.js';
import { PgStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/store.js';

type Factory = (now: () => number) => Promise<Store>;
const opened: Store[] = [];
const factories: [string, Factory][] = [['lowdb', async (now) => LowStore.inMemory(now)]];
if (process.env.DATABASE_URL) factories.push(['postgres', (now) => PgStore.open(process.env.DATABASE_URL!, now)]);

afterAll(async () => {
  for (const s of opened) await s.close();
});

describe.each(factories)('the %s store', (_name, factory) => {
  let clock = 1_000_000;
  const store = async () => {
    const s = await factory(() => clock);
    opened.push(s);
    return s;
  };
  const c = () => `test-${randomUUID()}`;

  it('puts, gets, deletes', async () => {
    const s = await store();
    const col = c();
    expect(await s.get(col, 'a')).toBeUndefined();
    await s.put(col, 'a', { facts: { age: 40 }, list: ['AC'] });
    expect(await s.get(col, 'a')).toEqual({ facts: { age: 40 }, list: ['AC'] });
    await s.delete(col, 'a');
    expect(await s.get(col, 'a')).toBeUndefined();
  });

  it('loses no update when many change one entry at the same moment', async () => {
    const s = await store();
    const col = c();
    await Promise.all(Array.from({ length: 100 }, (_, i) => s.update<number[]>(col, 'ticks', (cur) => [...(cur ?? []), i])));
    expect((await s.get<number[]>(col, 'ticks'))!.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('lets exactly one of many claim a free entry, waiting or skipping', async () => {
    const s = await store();
    for (const method of ['update', 'tryUpdate'] as const) {
      const col = c();
      const owners = await Promise.all(Array.from({ length: 20 }, (_, i) => s[method]<{ owner: number }>(col, 'claim', (cur) => cur ?? { owner: i })));
      // tryUpdate may skip an entry another claimer holds (undefined); every answer names one owner.
      const named = owners.filter((o) => o !== undefined).map((o) => o!.owner);
      expect(new Set(named).size, method).toBe(1);
      expect(await s.get(col, 'claim')).toEqual({ owner: named[0] });
    }
  });

  it('forgets entries whose time is up, in get and list', async () => {
    const s = await store();
    const col = c();
    await s.put(col, 'short', 1, { ttlMs: 1000 });
    await s.put(col, 'long', 2);
    clock += 999;
    expect(await s.get(col, 'short')).toBe(1);
    clock += 2;
    expect(await s.get(col, 'short')).toBeUndefined();
    expect(await s.list(col)).toEqual([['long', 2]]);
    expect(await s.update<number>(col, 'short', (cur) => (cur ?? 0) + 10)).toBe(10);
  });

  it('takes any string as a key, even one every object has as a property', async () => {
    const s = await store();
    const col = c();
    await s.put(col, '__proto__', 'p');
    await s.put(col, 'constructor', 'c');
    expect(await s.get(col, '__proto__')).toBe('p');
    expect(await s.get(col, 'toString')).toBeUndefined();
    expect(await s.update<number>(col, 'hasOwnProperty', (cur) => (cur ?? 0) + 1)).toBe(1);
    expect((await s.list(col)).sort()).toEqual([['__proto__', 'p'], ['constructor', 'c'], ['hasOwnProperty', 1]]);
  });

  it('deletes through update, and lists only its collection', async () => {
    const s = await store();
    const col = c();
    await s.put(col, 'x', 1);
    await s.put(c(), 'y', 2);
    expect(await s.update(col, 'x', () => undefined)).toBeUndefined();
    expect(await s.list(col)).toEqual([]);
  });

  it('claims every key of a delivery at once or none, and never twice at the same moment', async () => {
    const s = await store();
    const col = c();
    // Twenty deliveries racing for one event: exactly one wins.
    const wins = await Promise.all(Array.from({ length: 20 }, () => s.claim(col, ['event-1', 'message-1'], 1000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    // A retry carrying another event id but the same message id is a duplicate, and takes nothing.
    expect(await s.claim(col, ['event-2', 'message-1'], 1000)).toBe(false);
    expect(await s.claim(col, ['event-2'], 1000)).toBe(true);
    // Marks are not entries.
    expect(await s.list(col)).toEqual([]);
  });

  it('lets a claim go when released or when its lease runs out, and holds it once marked done', async () => {
    const s = await store();
    const col = c();
    expect(await s.claim(col, ['a'], 1000)).toBe(true);
    await s.release(col, ['a']);
    expect(await s.claim(col, ['a'], 1000)).toBe(true);
    clock += 1001;
    expect(await s.claim(col, ['a'], 1000)).toBe(true);
    await s.hold(col, ['a'], 60_000);
    clock += 30_000;
    expect(await s.claim(col, ['a'], 1000)).toBe(false);
    clock += 30_001;
    expect(await s.claim(col, ['a'], 1000)).toBe(true);
  });

  it('keeps what another instance wrote (postgres) or what was written before (lowdb)', async () => {
    const col = c();
    const one = await store();
    await one.put(col, 'shared', { by: 'one' });
    const two = _name === 'postgres' ? await store() : one;
    expect(await two.get(col, 'shared')).toEqual({ by: 'one' });
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))('PostgreSQL migrations', () => {
  it('are applied once when two instances start together on a new database', async () => {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `cii_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const [a, b] = await Promise.all([PgStore.open(url.toString()), PgStore.open(url.toString())]);
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query('SELECT version FROM schema_migrations');
      expect(rows.map((r) => r.version)).toEqual(['001_kv.sql']);
      await check.end();
      await Promise.all([a.close(), b.close()]);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('survive the server ending their idle connections, and the store keeps working', async () => {
    const { default: pg } = await import('pg');
    // Its own application name, so that only its connections are ended, not those of other tests.
    const url = new URL(process.env.DATABASE_URL!);
    const application = `cii-test-${randomUUID().slice(0, 8)}`;
    url.searchParams.set('application_name', application);
    const store = await PgStore.open(url.toString());
    const col = `test-${randomUUID()}`;
    await store.put(col, 'a', { n: 1 });
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle'", [application]);
    await admin.end();
    expect(rows.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(await store.get(col, 'a')).toEqual({ n: 1 });
    await store.close();
  });
});

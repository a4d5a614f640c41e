// The embedded store writes its file from each collection's bytes as the last write serialised
// them: the file must always be JSON.stringify of what the store holds, whatever changed between.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowStore, STORE_FILE, StoreFile, tables } from '../../src/store/lowdb.js';

const key = fc.oneof(fc.string(), fc.constantFrom('0', '12', 'a"b', 'é—✓', 'constructor', '__proto__', 'toString'));
const entry = fc.record({ value: fc.jsonValue(), expiresAt: fc.option(fc.integer(), { nil: undefined }) }, { requiredKeys: ['value'] });

describe('the store file', () => {
  it('is JSON.stringify of the data, again once a collection changed', () => {
    fc.assert(
      fc.property(fc.dictionary(key, fc.dictionary(key, entry)), fc.option(fc.jsonValue(), { nil: undefined }), key, key, entry, (generated, extra, name, k, e) => {
        const collections = tables(generated);
        const data = { ...(extra !== undefined ? { before: extra } : {}), version: 1 as const, collections, ...(extra !== undefined ? { extra } : {}) };
        const file = new StoreFile('/nowhere/store.json');
        expect(file.bytes(data).toString('utf8')).toBe(JSON.stringify(data));
        expect(file.bytes(data).toString('utf8')).toBe(JSON.stringify(data));
        (data.collections[name] ??= {})[k] = e;
        file.changed(name);
        expect(file.bytes(data).toString('utf8')).toBe(JSON.stringify(data));
      }),
      { numRuns: 300 },
    );
  });

  it('holds every change, deletion and expiry, across a restart', async () => {
    let now = 0;
    const dir = mkdtempSync(join(tmpdir(), 'store-file-'));
    const text = () => readFileSync(join(dir, STORE_FILE), 'utf8');
    const file = () => JSON.parse(text());
    try {
      const store = await LowStore.open(dir, () => now);
      await store.put('a', 'k1', { x: 1, text: 'é\n"' });
      await store.put('a', 'k2', [1, { y: null }], { ttlMs: 10 });
      await Promise.all([store.put('b', '7', 'seven', { ttlMs: 50 }), store.update<{ x: number }>('a', 'k1', (v) => ({ ...v!, x: 2 }))]);
      await store.delete('b', '7');
      await store.put('b', '8', 'eight');
      expect(file()).toEqual({ version: 1, collections: { a: { k1: { value: { x: 2, text: 'é\n"' } }, k2: { value: [1, { y: null }], expiresAt: 10 } }, b: { 8: { value: 'eight' } } } });
      expect(text()).toBe(JSON.stringify(file()));
      now = 10;
      await store.put('c', 'k', 1);
      expect(file().collections.a).toEqual({ k1: { value: { x: 2, text: 'é\n"' } } });
      await store.put('a', 'k3', 3, { ttlMs: 5 });
      now = 14;
      await store.put('c', 'k', 2);
      expect(Object.keys(file().collections.a)).toEqual(['k1', 'k3']);
      now = 15;
      await store.put('c', 'k', 3);
      expect(file().collections).toEqual({ a: { k1: { value: { x: 2, text: 'é\n"' } } }, b: { 8: { value: 'eight' } }, c: { k: { value: 3 } } });
      await store.close();
      const again = await LowStore.open(dir, () => now);
      expect(await again.get('a', 'k1')).toEqual({ x: 2, text: 'é\n"' });
      await again.update<number>('c', 'k', (v) => v! + 1);
      expect(file().collections).toEqual({ a: { k1: { value: { x: 2, text: 'é\n"' } } }, b: { 8: { value: 'eight' } }, c: { k: { value: 4 } } });
      await again.put('__proto__', 'constructor', 'kept');
      await again.close();
      expect(await (await LowStore.open(dir, () => now)).get('__proto__', 'constructor')).toBe('kept');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps at most 200,000 deduplication marks, the oldest going first, and lets each go once its time is past', async () => {
    let now = 1_000;
    const store = LowStore.inMemory(() => now);
    expect(await store.claim('m', ['first'], 1000)).toBe(true);
    await store.hold('m', ['first'], 60_000);
    for (let i = 0; i < 200_000; i++) await store.claim('m', [`k${i}`], 60_000);
    expect(await store.claim('m', ['k199999'], 1000)).toBe(false);
    expect(await store.claim('m', ['k1'], 1000)).toBe(false);
    // 'first' was the oldest: it went to make room.
    expect(await store.claim('m', ['first'], 1000)).toBe(true);
    now += 1000;
    expect(await store.claim('m', ['first'], 1000)).toBe(false);
    now += 1;
    expect(await store.claim('m', ['first'], 1000)).toBe(true);
  });
});

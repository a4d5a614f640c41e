import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowStore, STORE_FILE } from '../../src/store/lowdb.js';
import { StoreError } from '../../src/store/store.js';

let dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('the embedded store', () => {
  it('keeps what was written across a restart', async () => {
    const d = dir();
    const store = await LowStore.open(d);
    await store.put('triage', 'c1', { facts: { age: 40 } });
    await store.close();
    const again = await LowStore.open(d);
    expect(await again.get('triage', 'c1')).toEqual({ facts: { age: 40 } });
  });

  it('reads a lazy put back at once, before any write, and has it on disk after a restart', async () => {
    const d = dir();
    const store = await LowStore.open(d);
    await store.put('conversation-context', 'c1', { about: 'GE' }, { lazy: true });
    // Resolved before the file was written: the value is in memory, the file not there yet.
    expect(await store.get('conversation-context', 'c1')).toEqual({ about: 'GE' });
    expect(() => readFileSync(join(d, STORE_FILE))).toThrow();
    await store.close();
    const again = await LowStore.open(d);
    expect(await again.get('conversation-context', 'c1')).toEqual({ about: 'GE' });
  });

  it('refuses to start on a corrupt file, names it, and leaves it unchanged', async () => {
    const d = dir();
    const file = join(d, STORE_FILE);
    writeFileSync(file, '{"version": 1, "collections": {');
    await expect(LowStore.open(d)).rejects.toThrow(StoreError);
    await expect(LowStore.open(d)).rejects.toThrow(file);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "collections": {');
  });

  it('refuses a file of another shape', async () => {
    const d = dir();
    writeFileSync(join(d, STORE_FILE), '{"something": "else"}');
    await expect(LowStore.open(d)).rejects.toThrow(/expected shape/);
  });

  it('forgets an entry when its time is up, in memory and on disk', async () => {
    let now = 0;
    const d = dir();
    const store = await LowStore.open(d, () => now);
    await store.put('triage', 'c1', { facts: {} }, { ttlMs: 1000 });
    now = 999;
    expect(await store.get('triage', 'c1')).toBeDefined();
    now = 1001;
    expect(await store.get('triage', 'c1')).toBeUndefined();
    await store.put('triage', 'c2', {});
    expect(readFileSync(join(d, STORE_FILE), 'utf8')).not.toContain('c1');
  });

  it('loses no update when many change one entry at once', async () => {
    const store = LowStore.inMemory();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => store.update<number[]>('ticks', 'list', (current) => [...(current ?? []), i])),
    );
    expect((await store.get<number[]>('ticks', 'list'))!.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});

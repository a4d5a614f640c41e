// The derived-data cache: a start from it gives the same base and the same answers as one from the
// files, a change to any knowledge file is never answered from an old cache, and a damaged cache
// file is rebuilt rather than trusted.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { DerivedCache, cacheOf } from '../../src/knowledge/cache.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge/loader.js';

let cacheDir: string;
const previous = process.env.CACHE_DIR;

beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'cii-cache-test-'));
  process.env.CACHE_DIR = cacheDir;
});

afterAll(() => {
  if (previous === undefined) delete process.env.CACHE_DIR;
  else process.env.CACHE_DIR = previous;
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Cache files are written once the current turn of the event loop is over. */
const written = () => new Promise((resolve) => setImmediate(resolve));

const QUESTIONS = ['wer steuert die IIZ im Kanton Genf?', 'critères cas CII vaud', "cos'è l'MMT", 'indication 18', 'Medval Freiburg Teams'];

describe('the derived-data cache', () => {
  it('gives the same base and the same answers as the files', async () => {
    const fromFiles = loadKnowledge(DEFAULT_KNOWLEDGE_DIR, null);
    loadKnowledge(); // fills the cache, once this turn of the event loop is over
    await written();
    new Assistant(loadKnowledge());
    await written();
    expect(readdirSync(cacheDir).sort().map((f) => f.split('-')[0])).toEqual(['code', 'index', 'knowledge', 'language']);
    const fromCache = loadKnowledge();
    expect(cacheOf(fromCache)).toBeDefined();
    expect(fromCache).toEqual(fromFiles);
    const cached = new Assistant(fromCache);
    const built = new Assistant(fromFiles);
    for (const q of QUESTIONS) expect(cached.ask(q)).toEqual(built.ask(q));
  }, 30_000);

  it('changes its key when a knowledge file changes', () => {
    const copy = mkdtempSync(join(tmpdir(), 'cii-knowledge-'));
    try {
      cpSync(DEFAULT_KNOWLEDGE_DIR, copy, { recursive: true });
      const before = DerivedCache.forKnowledge(copy)!.key;
      const file = join(copy, 'cantons', 'GE.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('OAIS', 'OAIS (modifié)'));
      expect(DerivedCache.forKnowledge(copy)!.key).not.toBe(before);
      expect(JSON.stringify(loadKnowledge(copy).cantons.get('GE'))).toContain('OAIS (modifié)');
      // An edit of the same length, written at once, is a change too.
      const edited = DerivedCache.forKnowledge(copy)!.key;
      writeFileSync(file, readFileSync(file, 'utf8').replace('OAIS (modifié)', 'OAIX (modifié)'));
      expect(DerivedCache.forKnowledge(copy)!.key).not.toBe(edited);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("reads the code's contents again only when one of its files changed, keying the cache the same either way", () => {
    const key = DerivedCache.forKnowledge(DEFAULT_KNOWLEDGE_DIR)!.key;
    const memo = join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith('code-'))!);
    rmSync(memo);
    expect(DerivedCache.forKnowledge(DEFAULT_KNOWLEDGE_DIR)!.key).toBe(key);
    // While the files are unchanged, what was read of them is what keys the cache.
    writeFileSync(memo, 'f'.repeat(64));
    expect(DerivedCache.forKnowledge(DEFAULT_KNOWLEDGE_DIR)!.key).not.toBe(key);
    rmSync(memo);
    expect(DerivedCache.forKnowledge(DEFAULT_KNOWLEDGE_DIR)!.key).toBe(key);
  });

  it('rebuilds a damaged cache file instead of trusting it', async () => {
    loadKnowledge();
    await written();
    const file = `knowledge-${DerivedCache.forKnowledge(DEFAULT_KNOWLEDGE_DIR)!.key}.bin`;
    const whole = readFileSync(join(cacheDir, file));
    writeFileSync(join(cacheDir, file), whole.subarray(0, whole.length / 2));
    const kb = loadKnowledge();
    await written();
    expect(kb.cantons.size).toBe(26);
    expect(readFileSync(join(cacheDir, file)).equals(whole)).toBe(true);
  });

  it('is off with CACHE_DIR=off', () => {
    process.env.CACHE_DIR = 'off';
    try {
      expect(DerivedCache.forKnowledge(DEFAULT_KNOWLEDGE_DIR)).toBeUndefined();
      expect(cacheOf(loadKnowledge())).toBeUndefined();
    } finally {
      process.env.CACHE_DIR = cacheDir;
    }
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dump as stringify, load as parse } from 'js-yaml';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeError, loadKnowledge } from '../../src/knowledge/loader.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A copy of the real base with one file changed by `edit`. */
function baseWith(file: string, edit: (data: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  dirs.push(dir);
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const data = parse(readFileSync(join(dir, file), 'utf8'));
  edit(data);
  writeFileSync(join(dir, file), stringify(data));
  return dir;
}

function problemsOf(dir: string) {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).problems;
  }
  throw new Error('the base loaded although it is broken');
}

describe('loading the knowledge base', () => {
  it('loads all 26 cantons and the 44 indications', () => {
    const kb = loadKnowledge();
    expect(kb.cantons.size).toBe(26);
    expect(kb.indications.indications).toHaveLength(44);
  });

  it('rejects a fact without a source, naming the file and the field', () => {
    const dir = baseWith('cantons/GE.yaml', (ge) => {
      delete ge.inventory.criteria.facts[0].source;
    });
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({ file: 'cantons/GE.yaml', field: 'inventory.criteria.facts[0].source' }),
    );
  });

  it('rejects an unknown canton code', () => {
    const dir = baseWith('cantons/VD.yaml', (vd) => {
      vd.code = 'XY';
    });
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ file: 'cantons/VD.yaml', field: 'code' }));
  });

  it('rejects a value of the wrong type', () => {
    const dir = baseWith('indications.yaml', (doc) => {
      doc.indications[0].number = 'eighteen';
    });
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ file: 'indications.yaml', field: 'indications[0].number' }));
  });

  it('rejects a source that names no known document', () => {
    const dir = baseWith('oias.yaml', (doc) => {
      doc.sections[0].facts[0].source.document = 'notes.md';
    });
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ file: 'oias.yaml', field: 'sections[0].facts[0].source.document' }));
  });

  it('rejects an indication number given twice', () => {
    const dir = baseWith('indications.yaml', (doc) => {
      doc.indications[1].number = doc.indications[0].number;
    });
    const messages = problemsOf(dir).map((p) => p.message);
    expect(messages.some((m) => /appears 2 times/.test(m))).toBe(true);
  });

  it('rejects a missing canton file', () => {
    const dir = baseWith('cantons/ZH.yaml', () => {});
    rmSync(join(dir, 'cantons/ZH.yaml'));
    expect(problemsOf(dir)).toContainEqual({ file: 'cantons/ZH.yaml', field: '', message: 'file is missing' });
  });
});

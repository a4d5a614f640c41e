// kb:check's messages name the file, the line and the field, in words a coordinator editing the
// YAML understands: "knowledge/cantons/GE.yaml, line 42, inventory.steering.facts[0].text.it:
// missing Italian text".
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeError, loadKnowledge } from '../../src/knowledge/loader.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A copy of the base with one file edited as text (its lines stay where they were). */
function baseWith(file: string, edit: (lines: string[]) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-lines-'));
  dirs.push(dir);
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  edit(lines);
  writeFileSync(join(dir, file), lines.join('\n'));
  return dir;
}

function messageOf(dir: string): string {
  try {
    loadKnowledge(dir, null, { editions: [] });
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).message;
  }
  throw new Error('the base loaded although it is broken');
}

/** The 1-based line of the first line matching `pattern` at or after the line matching `after`. */
function lineOf(lines: string[], after: RegExp, pattern: RegExp): number {
  const start = lines.findIndex((l) => after.test(l));
  return lines.findIndex((l, i) => i >= start && pattern.test(l)) + 1;
}

describe("kb:check's messages", () => {
  it('name the base folder as the coordinator finds it', () => {
    const problem = { file: 'cantons/GE.yaml', field: 'inventory.steering.facts[0].text.it', message: 'missing Italian text', line: 42 };
    expect(new KnowledgeError([problem]).message).toContain('  knowledge/cantons/GE.yaml, line 42, inventory.steering.facts[0].text.it: missing Italian text');
  });

  it('name the file, the line and the field of a missing translation', () => {
    let line = 0;
    const dir = baseWith('cantons/GE.yaml', (lines) => {
      line = lineOf(lines, /^ {2}steering:/, /^ {6}- text:/);
      const italian = lineOf(lines, /^ {2}steering:/, /^ {10}it: /) - 1;
      lines.splice(italian, 1, '');
    });
    expect(messageOf(dir)).toContain(`/cantons/GE.yaml, line ${line}, inventory.steering.facts[0].text.it: missing Italian text`);
  });

  it('point at a misspelt field on its own line and say what a missing one holds', () => {
    let line = 0;
    const dir = baseWith('cantons/GE.yaml', (lines) => {
      line = lineOf(lines, /^ {2}objectives:/, /^ {8}source: /);
      lines[line - 1] = lines[line - 1]!.replace('where:', 'wher:');
    });
    const message = messageOf(dir);
    expect(message).toContain(`/cantons/GE.yaml, line ${line}, inventory.objectives.facts[0].source: unknown field «wher»: misspelt, or not a field here`);
    expect(message).toContain(`/cantons/GE.yaml, line ${line}, inventory.objectives.facts[0].source.where: missing field «where» (the place in the document: table or section, and lines)`);
  });

  it('name a value that is not one of those allowed, and a YAML error with its line', () => {
    let status = 0;
    const dir = baseWith('cantons/VD.yaml', (lines) => {
      status = lineOf(lines, /^ {2}steering:/, /^ {4}status: reported/);
      lines[status - 1] = '    status: reportd';
    });
    expect(messageOf(dir)).toContain(`/cantons/VD.yaml, line ${status}, inventory.steering.status: «reportd» is not one of: reported, not-reported`);
    const broken = baseWith('oias.yaml', (lines) => lines.splice(5, 0, '  : : ['));
    expect(messageOf(broken)).toMatch(/\/oias\.yaml, line \d+: not readable YAML: /);
  });

  it('send a later edition written into knowledge/sources.yaml to an edition folder', () => {
    let line = 0;
    const dir = baseWith('sources.yaml', (lines) => {
      line = lineOf(lines, /^documents:/, /^ {2}- file: 004_838e575a30b3e445\.txt/);
      lines[line - 1] = '  - file: 005_inventaire-2027.txt';
    });
    expect(messageOf(dir)).toContain(`/sources.yaml, line ${line}, documents[4].file: 005_inventaire-2027.txt is not one of the five source documents: a later edition goes in an edition folder beside knowledge/`);
  });

  it('give the line of a problem found across files', () => {
    let line = 0;
    const dir = baseWith('oias.yaml', (lines) => {
      line = lineOf(lines, /^sections:/, /document: 004_838e575a30b3e445\.txt/);
      lines[line - 1] = lines[line - 1]!.replace('004_838e575a30b3e445.txt', '002_8cd2fce77ca12853.txt');
    });
    expect(messageOf(dir)).toContain(`/oias.yaml, line ${line}, sections[0].facts[0].source: cites 002_8cd2fce77ca12853.txt, expected 004_838e575a30b3e445.txt`);
  });
});

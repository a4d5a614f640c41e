// Zero invented facts, checked where a machine can: every figure in an answer to a dev-set
// question is in the source documents the answer cites. Line references ("l.104", "Z. 12") and
// document numbers ("000") are citations, not facts, and are left out. The source documents sit
// in ../shared/seeds beside the project (SEEDS_DIR to change it); without them this is skipped.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { CONFIDENCE_THRESHOLD } from '../../src/answers/search.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { projectPath } from '../../src/paths.js';
import { WHOLE_SET_TIMEOUT_MS, askDev, joinGroups, loadDevSet } from './devset.js';

const SEEDS = resolve(process.env.SEEDS_DIR ?? projectPath('..', 'shared', 'seeds'));

const CITATIONS = [
  // "l.529-534, 544-549", "rr. 529-534 e 544-549": the ranges joined by a comma or an "and".
  /\b(?:l|Z|r|rr|p)\.\s?\d+(?:\s?[-–]\s?\d+)?(?:(?:,|\s(?:and|et|und|e))\s?\d+(?:\s?[-–]\s?\d+)?)*/g,
  /\b(?:lines?|lignes?|Zeilen?|righe|riga)\s\d+(?:\s?[-–]\s?\d+)?/gi,
  /\b00[0-4]\b/g,
];

function figures(text: string): string[] {
  let cleaned = joinGroups(text);
  for (const pattern of CITATIONS) cleaned = cleaned.replace(pattern, ' ');
  return [...new Set(cleaned.match(/\d+(?:[.,]\d+)*/g) ?? [])];
}

/** A decimal figure may be written with the other separator than the French source's ("1.8 %" for "1,8 %"). */
function inSource(figure: string, cited: string): boolean {
  const decimal = /^\d+[.,]\d{1,2}$/.test(figure);
  return cited.includes(figure) || (decimal && cited.includes(figure.replace(/[.,]/, (c) => (c === '.' ? ',' : '.'))));
}

describe.skipIf(!existsSync(SEEDS))('figures in answers', () => {
  const assistant = new Assistant(loadKnowledge());
  const documents = new Map<string, string>();
  const documentText = (file: string) => {
    if (!documents.has(file)) documents.set(file, joinGroups(readFileSync(resolve(SEEDS, file), 'utf8')));
    return documents.get(file)!;
  };

  it('are all in the documents each answer cites', () => {
    const invented: string[] = [];
    for (const q of loadDevSet()) {
      const answer = askDev(assistant, q);
      if (answer.confidence < CONFIDENCE_THRESHOLD) continue;
      const cited = answer.sources.map((s) => documentText(s.document)).join('\n');
      const missing = figures(answer.text).filter((f) => !inSource(f, cited));
      if (missing.length > 0) invented.push(`${q.id} ${JSON.stringify(q.q)}: ${missing.join(', ')}`);
    }
    expect(invented).toEqual([]);
  }, WHOLE_SET_TIMEOUT_MS);

  it('would catch a figure that is not in the source', () => {
    const cited = documentText('004_838e575a30b3e445.txt');
    expect(figures('about 62 % of the 45 million (l.19)').filter((f) => !inSource(f, cited))).toEqual(['62']);
  });

  it("reads a decimal written with a point in English as the French source's comma, and no other figure", () => {
    const inventory = documentText('002_8cd2fce77ca12853.txt');
    expect(inSource('1.8', inventory)).toBe(true);
    expect(inSource('9.97', inventory)).toBe(false);
  });
});

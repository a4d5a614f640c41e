import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understanding } from '../../src/understanding/query.js';

const understanding = new Understanding(loadKnowledge());

describe('the words a question asks the answer to hold', () => {
  it('keeps the short word of a glossary term ("GP" of "GP CII"), which the passages about the term hold', () => {
    expect(understanding.read('il GP CII di Neuchâtel si trovava spesso?').meaningfulWords).toContain('gp');
    // A two-letter word outside a term stays out: "le", "in".
    expect(understanding.read('le GP CII in Neuchâtel').meaningfulWords).not.toContain('le');
  });

  it('counts an institution named twice ("EL/PC") once', () => {
    const words = understanding.read('Bern EL/PC Projekte').meaningfulWords;
    expect(words.filter((w) => w.split('|').includes('el')).length).toBe(1);
  });
});

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

describe('cue words', () => {
  it('reads a place of a document with its number as the sources write places ("Kapitel 5" as ch. 5), not as words to find', () => {
    const de = understanding.read('Was sagt Kapitel 5 des Leitfadens zur Partnerschaft?');
    expect(de.locators).toEqual([['ch', '5']]);
    expect(de.meaningfulWords).not.toContain('5');
    expect(de.meaningfulWords).not.toContain('kapitel');
    expect(understanding.read("que dit la section 3.2 de l'inventaire ?").locators).toEqual([['section', '3', '2']]);
    expect(understanding.read('tabella 6, quali progetti?').locators).toEqual([['tableau', '6']]);
    // A kind of place without a number is a word like any other.
    expect(understanding.read('which chapter covers reporting?').locators).toEqual([]);
  });

  it('reads a short cue as a whole word only: "no" is no negation in "norme", "not" none in "notes"', () => {
    const q = understanding.read('quelle norme pour les comptes des EISP ?');
    expect(q.meaningfulWords).toContain('norme');
    expect(q.negated).toBe(false);
    expect(understanding.read('cantons with no steering committee').negated).toBe(true);
  });

  it('reads "how long" as asking for a duration, not a count, and drops words that only say how often something holds', () => {
    for (const text of ['combien de temps dure en principe une convention AI ?', 'wie lange gilt normalerweise eine IV-Vereinbarung?', 'quanto tempo vale di solito una convenzione AI?', 'how long does an IV agreement usually run?']) {
      const q = understanding.read(text);
      expect(q.wantsDuration, text).toBe(true);
      expect(q.wantsCount, text).toBe(false);
      expect(q.meaningfulWords.some((w) => ['normalerweise', 'solito', 'usually'].includes(w)), text).toBe(false);
    }
    expect(understanding.read('combien de cantons ont un bureau CII ?').wantsCount).toBe(true);
  });

  it('takes no word the base knows for a misspelt topic cue: "comptes" is not "comité", "guide" not "guida"', () => {
    expect(understanding.read('le guide et la présentation des comptes', 'fr').topics).toEqual([]);
    // A word the base does not know still may be one: "comitte".
    expect(understanding.read('qui est dans le comitte de Genève ?', 'fr').topics).toContain('steering');
  });
});

import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/knowledge/passages.js';
import { FullTextIndex } from '../../src/search/fulltext.js';

const passage = (id: string, text: string, questions?: string[]): Passage => ({
  id,
  ref: { kind: 'glossary', term: id },
  heading: { fr: id, de: id, it: id, en: id },
  text: { fr: text, de: text, it: text, en: text },
  source: { document: '000_d12930a7fe8d9108.txt', where: 'l.1' },
  errata: [],
  ...(questions ? { questions: { fr: questions, de: questions, it: questions, en: questions } } : {}),
});

describe('how much a word of a question weighs', () => {
  it('gives nothing to an everyday word that only a way of asking holds, as to one the base never uses', () => {
    const asked = new FullTextIndex([passage('platform', 'a shared case platform'), passage('budget', 'the yearly budget', ['how many people does it cost?'])]);
    expect(asked.weight('people')).toBe(0);
    expect(asked.weight('platform')).toBeGreaterThan(0);
    // Written in a passage's own text, it says what the passage holds.
    const told = new FullTextIndex([passage('platform', 'a shared case platform'), passage('budget', 'the budget people voted')]);
    expect(told.weight('people')).toBeGreaterThan(0);
  });
});

describe('a compound that only a way of asking holds', () => {
  it('is also looked for by its parts, which the passages that speak of it write ("Fallplattform": "Plattform")', () => {
    const index = new FullTextIndex([
      passage('platform', 'Die Plattform des Kantons für die Fallführung'),
      passage('counts', 'Die Fallzahlen des Kantons', ['liefert die Fallplattform verlässliche Zahlen?']),
      passage('other', 'Die Steuergruppe des Kantons'),
    ]);
    expect(index.search(['fallplattform']).map((h) => h.passage.id)).toContain('platform');
  });
});

describe('the passage most alike', () => {
  it('is the one whose text is alike, not one whose ways of asking share the words', () => {
    const rule = passage('ai-price', 'the price is set from the costs; surpluses go to a carry-forward account');
    const alike = passage('ac-price', 'the price is set from the eligible costs; any surplus income is deducted');
    const askedAlike = passage('ac-volume', 'a maximum number of places per year, sometimes a guaranteed number of placements', ['price set from the costs, surpluses to a carry-forward account?']);
    const others = ['the steering group meets twice a year', 'a shared case platform', 'the coordination office of the canton'].map((text, i) => passage(`other-${i}`, text));
    const index = new FullTextIndex([rule, alike, askedAlike, ...others]);
    expect(index.mostAlike(rule, [alike, askedAlike])?.id).toBe('ac-price');
  });
});

describe("a verb's ending no stemmer removes", () => {
  it('finds a word the base lacks ("besucht") by the word without it that the base has ("Besuch")', () => {
    const index = new FullTextIndex([passage('visits', 'Besuch der Kantone Wallis und Waadt'), passage('other', 'Die Steuergruppe des Kantons')]);
    expect(index.coverage(['besucht'], index.passage('visits')!)).toBe(1);
  });

  it('finds it so too when the base has the word itself, but less often than the word without it', () => {
    const index = new FullTextIndex([
      passage('visits', 'Besuch der Kantone Wallis und Waadt'),
      passage('visit-again', 'ein zweiter Besuch im Wallis'),
      passage('visited', 'das Büro wird oft besucht'),
      passage('other', 'Die Steuergruppe des Kantons'),
    ]);
    expect(index.coverage(['besucht'], index.passage('visits')!)).toBe(1);
    // A word the base has more often than its form without the ending keeps to itself.
    const often = new FullTextIndex([passage('a', 'die Stelle besteht seit 2010'), passage('b', 'es besteht ein Vertrag'), passage('c', 'Bestehen der Prüfung')]);
    expect(often.coverage(['besteht'], often.passage('c')!)).toBe(0);
  });
});

describe('what is at one\'s disposal', () => {
  it('is found as the text says it: "zur Verfügung" finds "verfügt über", "à disposition" finds "dispose de"', () => {
    const index = new FullTextIndex([passage('budget', 'Der Kanton verfügt über rund 28 Millionen Franken'), passage('fr', 'le canton dispose de 28 millions'), passage('other', 'Die Steuergruppe des Kantons')]);
    expect(index.coverage(['verfugung'], index.passage('budget')!)).toBe(1);
    expect(index.coverage(['disposition'], index.passage('fr')!)).toBe(1);
  });
});

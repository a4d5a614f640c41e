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

// The same ten questions in German, Italian and English: each answer is in the language asked,
// text, places and document names alike; nothing French shows but names and quotations.
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { CONFIDENCE_THRESHOLD } from '../../src/answers/search.js';
import { textsOf } from '../../src/knowledge/coverage.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Language } from '../../src/knowledge/schema.js';

const QUESTIONS: Record<Exclude<Language, 'fr'>, string[]> = {
  de: [
    'wer steuert die IIZ im Kanton Genf?',
    'Kriterien für einen IIZ-Fall im Kanton Bern',
    'Hinweis 21 im USBI-Leitfaden',
    'was ist eine USBI?',
    'Koordinationsprojekte im Kanton Freiburg',
    'hat Zug eine Fallführungsplattform?',
    'welche Kantone haben eine IIZ-Fachstelle?',
    'was gilt für die IV bei Leistungsvereinbarungen mit USBI?',
    'was ist das Projekt NE-ESO in Neuenburg?',
    'welche Partner sind bei der IIZ im Aargau dabei?',
  ],
  it: [
    'chi guida la CII nel cantone di Ginevra?',
    'criteri per un caso CII nel cantone di Berna',
    "indicazione 21 della guida EISP",
    "cos'è una EISP?",
    'progetti di coordinamento nel cantone di Friburgo',
    'Zugo ha una piattaforma di gestione dei casi?',
    'quali cantoni hanno un ufficio CII?',
    "cosa vale per l'AI nelle convenzioni di prestazioni con le EISP?",
    "cos'è il progetto NE-ESO a Neuchâtel?",
    "quali partner partecipano alla CII in Argovia?",
  ],
  en: [
    'who steers CII in the canton of Geneva?',
    'criteria for a CII case in the canton of Bern',
    'indication 21 of the EISP guide',
    'what is an EISP?',
    'coordination projects in the canton of Fribourg',
    'does Zug have a case-management platform?',
    'which cantons have a CII bureau?',
    'what applies to disability insurance in performance agreements with EISP?',
    'what is the NE-ESO project in Neuchâtel?',
    'which partners take part in CII in Aargau?',
  ],
};

/** The French sources' own words for places: never in an answer in another language ("l." is English too). */
const FRENCH_PLACES = /\bTableaux?\b|\bcolonne\b|\bligne\b|\bListe des abréviations\b/;
const FRENCH_LINE = /\bl\.\s?\d/;

describe('answers in the language asked', () => {
  const kb = loadKnowledge();
  const assistant = new Assistant(kb);
  const detector = assistant.understanding.languages;

  for (const [language, questions] of Object.entries(QUESTIONS) as [Exclude<Language, 'fr'>, string[]][]) {
    it(`${language}: text, places and documents, for ten questions`, () => {
      for (const q of questions) {
        const answer = assistant.ask(q);
        const where = `${language} «${q}»`;
        expect(answer.language, where).toBe(language);
        expect(answer.confidence, where).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
        expect(detector.detect(answer.text).language, where).toBe(language);
        expect(answer.sources.length, where).toBeGreaterThan(0);
        for (const s of answer.sources) {
          const doc = kb.sources.documents.find((d) => d.file === s.document)!;
          expect(s.title, where).toBe(doc.title[language]);
          expect(s.short, where).toBe(doc.short[language]);
          expect(s.where, `${where}: ${s.where}`).not.toMatch(FRENCH_PLACES);
          if (language !== 'en') expect(s.where, `${where}: ${s.where}`).not.toMatch(FRENCH_LINE);
        }
        expect(answer.text, where).not.toMatch(FRENCH_PLACES);
      }
    });
  }
});

describe('the texts of the base', () => {
  it('name the places of the sources in their own language', () => {
    const french = textsOf(loadKnowledge()).flatMap((text) =>
      (['de', 'it', 'en'] as const).filter((l) => FRENCH_PLACES.test(text[l] ?? '')).map((l) => `${l}: ${text[l]!.slice(0, 80)}`),
    );
    expect(french).toEqual([]);
  });
});

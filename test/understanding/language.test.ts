import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LanguageDetector } from '../../src/understanding/language.js';

const detector = new LanguageDetector(loadKnowledge());
const detectLanguage = (text: string, fallback?: 'fr' | 'de' | 'it' | 'en') => detector.detect(text, fallback);

describe('language of a short question', () => {
  it.each([
    ['wer steuert die IIZ im Kanton Genf?', 'de'],
    ['criteres cas CII vaud', 'fr'],
    ["cos'è l'MMT", 'it'],
    ['which cantons have a case platform?', 'en'],
    ['qui pilote la cii a geneve', 'fr'],
    ['welche kantone haben eine fachstelle', 'de'],
    ['quali cantoni hanno una piattaforma', 'it'],
    ['what should an agreement say about surpluses?', 'en'],
    ['Kriterien fur einen IIZ Fall in Zurich', 'de'],
    ['quels sont les criteres du canton de fribourg', 'fr'],
    ['chi guida la CII nel cantone Ticino', 'it'],
    ['compare ZH and LU criteria', 'en'],
    ['Steurungsausschuss IIZ Wallis', 'de'],
    ['Fallplattform Walis', 'de'],
    ['base legale CII Ginevra', 'it'],
    ['processo CII Vallese', 'it'],
    ['legal basis CII Zurich', 'en'],
    ['Neuenburg Refom IIZ Arbeitsintegration', 'de'],
    // Names and acronyms the base writes in every language cast no vote ("Medval", "ORP-CMS").
    ['projet coaching ORP-CMS valais', 'fr'],
    ['Medval Freiburg Teams', 'de'],
    // A name in capitals is no dialect word, whatever it spells ("ESO" in "NE-ESO").
    ['NE-ESO partners?', 'en'],
    ['NE-ESO pilot results', 'en'],
    // A canton code is not the French "ne" nor the Italian "ti".
    ['Fallplattform NE', 'de'],
    ['Koordinationsprojekte TI', 'de'],
  ] as const)('%s → %s', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('gives a misspelt shared word no vote: "indicatoin 43" reads in the fallback language', () => {
    expect(detectLanguage('indicatoin 43', 'de').language).toBe('de');
    expect(detectLanguage('indicatoin 43', 'en').language).toBe('en');
  });

  it('reads the language around a quoted name, not the name\'s: a French title quoted in English or German', () => {
    expect(detectLanguage("what's the 'entretien d'évaluation' in Neuchatel?").language).toBe('en');
    expect(detectLanguage('was heisst «la collaboration au quotidien»?').language).toBe('de');
    // A question that is nothing but a quote is read as it is.
    expect(detectLanguage('"conventions de prestations"').language).toBe('fr');
  });

  it('reads a few function words around a quote as the language, and a gloss in brackets as none', () => {
    expect(detectLanguage("and 'bilan de compétences'?").language).toBe('en');
    expect(detectLanguage("Was heisst hier 'conseil de coordination' (comité de pilotage)?").language).toBe('de');
    // A document's name around a quote tells nothing: the quote does.
    expect(detectLanguage("fiche 5 'il riassunto in breve'?").language).toBe('it');
  });

  it("lets a short word vote as the base uses it: \"dei\", \"età\" are Italian", () => {
    expect(detectLanguage("limite d'età dei partecipanti").language).toBe('it');
    expect(detectLanguage("limite d'età per le misure").language).toBe('it');
  });

  it('reads the Italian preposition "a" as Italian too, a word of several languages telling less: "a cosa serve Medval a Friburgo?" is not English, "cas CII à Genève" still clearly French', () => {
    expect(detectLanguage('a cosa serve Medval a Friburgo?').language).toBe('it');
    expect(detectLanguage('a cosa serve?').language).toBe('it');
    expect(detectLanguage('est-ce un cas CII à Genève ?').certainty).toBeGreaterThan(0.6);
  });

  it("reads Italian's elisions and its own lexicon words as Italian, and an acronym as no word (\"l'età d'ingresso\")", () => {
    expect(detectLanguage("l'eta d'ingresso al NE-ESO?").language).toBe('it');
    expect(detectLanguage("NE-ESO : il y avait une limite d'âge ?").language).toBe('fr');
    // "ESO" in capitals names the project: it tells no language, whatever its letters look like.
    expect(detectLanguage('NE-ESO?', 'it').language).toBe('it');
  });

  it('reads "fiche", the name of a document in every language ("Fiche 5"), as no French', () => {
    for (const text of ['fiche 5 summary please', 'fiche 5 author and year']) expect(detectLanguage(text).language, text).toBe('en');
    expect(detectLanguage('que dit la fiche 5 ?').language).toBe('fr');
  });

  it('reads English domain words the base never writes ("chair", "group") as English', () => {
    for (const text of ['Fribourg commission chair', 'Valais COFIL chair rotation']) expect(detector.detect(text).language, text).toBe('en');
  });

  it("reads English's \"'s\" as English, not as the French \"s'\" (\"Who's Vaud's coordinator?\")", () => {
    expect(detectLanguage("Who's Vaud's coordinator?").language).toBe('en');
    expect(detectLanguage("What's Bern's OIAS?").language).toBe('en');
    expect(detectLanguage("s'il y a une plateforme à Berne, c'est laquelle ?").language).toBe('fr');
  });

  it('falls back to the given language when nothing tells', () => {
    expect(detectLanguage('ZH', 'de').language).toBe('de');
    expect(detectLanguage('12345', 'it')).toEqual({ language: 'it', certainty: 0 });
  });
});

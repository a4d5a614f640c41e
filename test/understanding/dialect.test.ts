// Swiss German as people type it in chats is read as Standard German, chat forms of any language
// as written words; other questions are left alone.
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { inStandardForm } from '../../src/understanding/dialect.js';
import { isCommonWord } from '../../src/search/everyday.js';

const isWord = isCommonWord;

const assistant = new Assistant(loadKnowledge());

describe('questions in Swiss German', () => {
  it('writes dialect words in Standard German, keeping a capital and leaving acronyms alone', () => {
    expect(inStandardForm('Wer isch z Züri zueständig?', isWord)).toEqual({ text: 'Wer ist z Zurich zustandig?', language: 'de' });
    expect(inStandardForm('Was isch es ESO?', isWord)?.text).toBe('Was ist es ESO?');
  });

  it("respells the other words of a dialect question by the dialect's spellings, when that gives a German word", () => {
    expect(inStandardForm('Was isch d Rolle vo de nationali Gruppe bi de Bildig?', isWord)?.text).toBe('Was ist d Rolle von de nationale Gruppe bei de Bildung?');
    // A participle written without its ge- ("gründet", "gfunde" for "gefunden") gets it back, rather than read as another word.
    expect(inStandardForm('Wänn isch das gründet worde?', isWord)?.text).toBe('Wänn ist das gegrundet worden?');
    expect(inStandardForm('Wo hät me das gfunde?', isWord)?.text).toMatch(/gefunden\?$/);
    // "scht" within a word is the dialect's "st" ("koschtet", "Fescht").
    expect(inStandardForm('Wievil koschtet de Kurs, weisch das?', isWord)?.text).toMatch(/ kostet /);
    // "uur" is "auer" ("Vertragsduur"), "y" is "ei" ("Zyt").
    expect(inStandardForm('Wie lang isch d Vertragsduur, weisch das?', isWord)?.text).toMatch(/ Vertragsdauer,/);
    expect(inStandardForm('Wievil Zyt bruucht das, weisch das?', isWord)?.text).toMatch(/ Zeit /);
    // Without a dialect word nothing is respelt: "Bildig" alone may be a typo of anything.
    expect(inStandardForm('Was machen die nationali Gruppe für Bildig?', isWord)).toBeUndefined();
  });

  it.each([
    'Qui préside le comité de pilotage à Genève ?',
    'Wer leitet die Steuergruppe im Kanton Bern?',
    'Chi presiede il gruppo di coordinamento nel Ticino?',
    'Who chairs the steering committee in Vaud?',
  ])('leaves a question without dialect words as it is: %s', (question) => {
    expect(inStandardForm(question, isWord)).toBeUndefined();
  });

  it('answers a question about a canton named the Swiss way, in German', () => {
    const answer = assistant.ask('Wer isch im Kanton Züri für d IIZ zueständig?');
    expect(answer.about).toMatchObject({ kind: 'canton', code: 'ZH' });
    expect(answer.language).toBe('de');
    expect(answer.text).toContain('Zürich');
  });

  it('counts the cases of a canton asked for in dialect words', () => {
    const answer = assistant.ask('Wie vill Lüüt hend im Bärn e IIZ-Fall gha?');
    expect(answer.about).toMatchObject({ kind: 'canton', code: 'BE', part: 'caseNumbers2022' });
    expect(answer.text).toContain('800');
  });

  it('reads "Stutz" as francs and "hockt" as sits: the amount Bern spends, who sits where', () => {
    expect(assistant.ask('Wie viel Stutz gibt Bern pro Jahr für die POIAS aus?').text).toMatch(/^\*\*Budget\*\*[^]*28 Millionen Franken/);
    expect(inStandardForm('Wer hockt i de Steuergruppe?', isWord)?.text).toMatch(/^Wer sitzt /);
  });
});

describe('questions in chat forms', () => {
  it('reads chat forms as written words in French, Italian, English and German ("c koi", "xke", "ppl", "bzw")', () => {
    expect(inStandardForm('c koi un bureau CII ?', isWord)).toEqual({ text: 'c quoi un bureau CII ?', language: 'fr' });
    expect(inStandardForm('ils bossent pour quel office ?', isWord)?.text).toBe('ils travaillent pour quel office ?');
    expect(inStandardForm('xke il Ticino non ha un comitato?', isWord)).toMatchObject({ text: 'perche il Ticino non ha un comitato?', language: 'it' });
    expect(inStandardForm('how many ppl had CII cases?', isWord)).toMatchObject({ text: 'how many people had CII cases?', language: 'en' });
    expect(inStandardForm('natl IIZ office email?', isWord)).toMatchObject({ text: 'national IIZ office email?', language: 'en' });
    expect(inStandardForm('which quality std does the guide name?', isWord)).toMatchObject({ text: 'which quality standard does the guide name?', language: 'en' });
    // Participles of common verbs.
    expect(inStandardForm('Wänn isch das Projekt igfüehrt worde, wer isch ygstige?', isWord)?.text).toMatch(/ eingefuhrt .* eingestiegen\?$/);
    expect(inStandardForm('RAV bzw ALV', isWord)?.text).toBe('RAV beziehungsweise ALV');
  });
});

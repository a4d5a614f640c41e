import { describe, expect, it } from 'vitest';
import { askedAfterTelling, questionParts } from '../../src/understanding/parts.js';

describe('a question in two parts', () => {
  it('splits at a joining word before a question word, in each language', () => {
    expect(questionParts('BE: Fallzahlen 2022 und seit wann gibt es die Fachstelle?')).toEqual(['BE: Fallzahlen 2022', 'seit wann gibt es die Fachstelle?']);
    expect(questionParts("Qui préside le groupe à Genève, et c'est qui le coordinateur ?")).toEqual(['Qui préside le groupe à Genève', "c'est qui le coordinateur ?"]);
    expect(questionParts('chi coordina in Ticino e quante persone ci sono?')).toEqual(['chi coordina in Ticino', 'quante persone ci sono?']);
    expect(questionParts('who chairs the Bern group and since when does it exist?')).toEqual(['who chairs the Bern group', 'since when does it exist?']);
    // Italian "che" asks which, before a noun ("che strumento"), as "quale" does.
    expect(questionParts('Berna: chi guida il gruppo e che strumento usano per i casi?')).toEqual(['Berna: chi guida il gruppo', 'che strumento usano per i casi?']);
  });

  it('splits at a joining word before a preposition and a question word', () => {
    expect(questionParts('who chairs the Zurich group and at what intervals does it meet?')).toEqual(['who chairs the Zurich group', 'at what intervals does it meet?']);
    expect(questionParts('chi coordina in Ticino e con quali uffici lavora?')).toEqual(['chi coordina in Ticino', 'con quali uffici lavora?']);
    expect(questionParts('Wer leitet die Gruppe in Zug und für welche Fälle ist sie da?')).toEqual(['Wer leitet die Gruppe in Zug', 'für welche Fälle ist sie da?']);
    expect(questionParts('qui coordonne la CII à Berne et avec quels services travaille-t-il ?')).toEqual(['qui coordonne la CII à Berne', 'avec quels services travaille-t-il ?']);
  });

  it('splits after a question mark before a question word: a second question', () => {
    expect(questionParts('Zug hat eine Plattform, oder? Welche anderen Kantone haben eine?')).toEqual(['Zug hat eine Plattform, oder', 'Welche anderen Kantone haben eine?']);
    expect(questionParts('criteres CII Vaud ? et qui ?')).toBeUndefined();
  });

  it('splits after a question mark before a yes-or-no question: a second question', () => {
    expect(questionParts('Wer leitet die IIZ in Zug? Gibt es dort auch eine Plattform?')).toEqual(['Wer leitet die IIZ in Zug', 'Gibt es dort auch eine Plattform?']);
    expect(questionParts("a Zugo chi guida la CII? c'è anche una piattaforma?")).toEqual(['a Zugo chi guida la CII', "c'è anche una piattaforma?"]);
    expect(questionParts('who leads CII in Zug? is there a platform too?')).toEqual(['who leads CII in Zug', 'is there a platform too?']);
  });

  it('leaves whole a list, a pair of institutions and a question ending in a bare question word', () => {
    expect(questionParts('Kantone mit Plattform und Büro')).toBeUndefined();
    expect(questionParts('Zusammenarbeit ALV und IV: wie läuft das?')).toBeUndefined();
    expect(questionParts('criteres CII Vaud et qui ?')).toBeUndefined();
    // Italian "è" (is) is no "e" (and), though both fold alike.
    expect(questionParts('il progetto Medval è di quale cantone?')).toBeUndefined();
  });
});

describe('a question that tells a situation first', () => {
  it('asks in its last sentence, after a sentence that asks nothing', () => {
    expect(askedAfterTelling("Mon client est inscrit à l'ORP depuis un an. Que prévoit Vaud pour lui ?")).toBe('Que prévoit Vaud pour lui ?');
    expect(askedAfterTelling('Wir sind ein Sozialdienst im Aargau. Unsere Klienten sind oft beim RAV. Gibt es eine Regel?')).toBe('Gibt es eine Regel?');
  });

  it('tells nothing when it only asks, or asks twice', () => {
    expect(askedAfterTelling('Qui préside le groupe à Genève ?')).toBeUndefined();
    expect(askedAfterTelling('Qui préside ? Et quand se réunit-il ?')).toBeUndefined();
  });

  it('does not end a sentence at an abbreviation before a number ("art. 17", "ch. 7")', () => {
    expect(askedAfterTelling("cosa prevede l'art. 17 LPGA sulla revisione delle rendite?")).toBeUndefined();
    expect(askedAfterTelling('What do the general terms, ch. 7, require?')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { CantonRecognizer } from '../../src/understanding/cantons.js';
import { Understanding } from '../../src/understanding/query.js';

const kb = loadKnowledge();
const recognizer = new CantonRecognizer(kb.cantons.values());
const understanding = new Understanding(kb);
const codes = (text: string) => recognizer.find(text).map((m) => m.code);

describe('cantons in a question', () => {
  it.each([
    ['Zurich', 'ZH'], ['Zürich', 'ZH'], ['Zurigo', 'ZH'], ['ZH', 'ZH'], ['kanton zh', 'ZH'],
    ['canton de Vaud', 'VD'], ['Waadt', 'VD'], ['Bâle-Campagne', 'BL'], ['Baselland', 'BL'],
    ['Genf', 'GE'], ['Ginevra', 'GE'], ['Geneva', 'GE'], ['geneve', 'GE'],
    ['Graubünden', 'GR'], ['Grigioni', 'GR'], ['im Bündnerland', 'GR'], ['Tessin', 'TI'], ['Ticino', 'TI'],
    ['Wallis', 'VS'], ['Vallese', 'VS'], ['Neuenburg', 'NE'], ['Lucerne', 'LU'], ['Luzern', 'LU'],
    ['Appenzell Innerrhoden', 'AI'], ['Appenzell Rhodes-Extérieures', 'AR'],
  ])('%s → %s', (text, code) => {
    expect(codes(text)).toEqual([code]);
  });

  it('accepts typos in longer names', () => {
    expect(codes('criteres fribourgg')).toEqual(['FR']);
    expect(codes('Kriterien Graubunden')).toEqual(['GR']);
    expect(codes('Schafhausen')).toEqual(['SH']);
  });

  it('reads a lower-case code that is also a word as a canton when it heads the message before a colon', () => {
    expect(codes('sg: wer ist für die Fallführung zuständig?')).toEqual(['SG']);
    expect(codes('ne: qui pilote ?')).toEqual(['NE']);
    expect(codes('je ne sais pas: qui pilote ?')).toEqual([]);
    expect(codes('so what does the guide say?')).toEqual([]);
  });

  it('reads AI as the disability insurance, not Appenzell Innerrhoden', () => {
    expect(codes("les critères de l'AI")).toEqual([]);
    expect(codes('AI und ALV im Kanton Bern')).toEqual(['BE']);
    expect(codes('canton AI')).toEqual(['AI']);
  });

  it('reads "SH" beside another institution as Sozialhilfe, and after "Kanton" or alone as Schaffhausen', () => {
    const welfare = understanding.read('wer bezieht gleichzeitig Taggelder der ALV und SH?');
    expect(welfare.cantons).toEqual([]);
    expect(welfare.institutions).toEqual(['AC', 'AS']);
    expect(understanding.read('IIZ im Kanton SH und das RAV').cantons).toEqual(['SH']);
    expect(understanding.read('wie viele IIZ-Fälle hatte SH 2022?').cantons).toEqual(['SH']);
  });

  it('reads "AG" beside "SA" as the legal form, and alone as Aargau', () => {
    const form = understanding.read('quelles EISP sont des SA / AG ?');
    expect(form.cantons).toEqual([]);
    expect(form.glossaryTerms).toContain('SA');
    expect(understanding.read('wer leitet die IIZ in AG?').cantons).toEqual(['AG']);
  });

  it('does not take ordinary words for canton codes', () => {
    expect(codes('je ne sais pas')).toEqual([]);
    expect(codes('so what is the criteria')).toEqual([]);
    expect(codes('ti ricordi')).toEqual([]);
    // After the plural, the word goes on: "cantons ne disposent pas", "cantons so far"; after the singular it is the code.
    expect(codes("quels cantons ne disposent pas d'un bureau ?")).toEqual([]);
    expect(codes('which cantons so far have a bureau?')).toEqual([]);
    expect(codes('canton ne : qui pilote ?')).toEqual(['NE']);
    // Nor after a canton asked for: "which other canton" is not the canton named.
    expect(codes('in quale cantone ne esistono?')).toEqual([]);
    expect(codes("quel canton ne connaît pas de plateforme ?")).toEqual([]);
    expect(codes('quale altro cantone NE o VD?')).toEqual(['NE', 'VD']);
    expect(codes('les cantons NE et VD')).toEqual(['NE', 'VD']);
  });

  it("reads a canton's adjective and its people's name as the canton, in each language", () => {
    expect(codes('der Bündner Steuerungsausschuss')).toEqual(['GR']);
    expect(codes('la CII vaudoise')).toEqual(['VD']);
    expect(codes('les partenaires genevois')).toEqual(['GE']);
    expect(codes('la CII ticinese')).toEqual(['TI']);
    expect(codes('the Bernese steering group')).toEqual(['BE']);
    expect(codes('Zürcher Projekte')).toEqual(['ZH']);
  });

  it('finds several cantons in order, once each', () => {
    expect(codes('compare ZH vs LU and Zurich')).toEqual(['ZH', 'LU']);
    expect(codes('Genève, Vaud et Valais')).toEqual(['GE', 'VD', 'VS']);
  });
});

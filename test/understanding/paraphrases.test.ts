// Everyday phrases are read in the documents' words, in the question's language only; the base's
// own phrases and the alternate questions are read the same way as users' questions.
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { textsOf } from '../../src/knowledge/coverage.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LANGUAGES } from '../../src/knowledge/schema.js';
import { paraphrases } from '../../src/locales.js';
import { words } from '../../src/understanding/normalize.js';
import { inDocumentsWords } from '../../src/understanding/paraphrases.js';

const kb = loadKnowledge();
const assistant = new Assistant(kb);

describe('everyday phrases', () => {
  it('are replaced by the words the base writes, whole words only, in the language asked', () => {
    expect(inDocumentsWords('Wer bezahlt am Ende die Rechnung für AmiPlus?', 'de')).toBe('Wer finanziert für AmiPlus?');
    expect(inDocumentsWords('Qui met la main au porte-monnaie ?', 'fr')).toBe('Qui finance ?');
    // The same words in another language's question, or inside longer words, stay as typed.
    expect(inDocumentsWords('Qui met la main au porte-monnaie ?', 'de')).toBe('Qui met la main au porte-monnaie ?');
    expect(inDocumentsWords('Wer bezahlt am Endeffekt?', 'de')).toBe('Wer bezahlt am Endeffekt?');
  });

  it('let an idiom ask what the documents write in their own words, in each language', () => {
    expect(assistant.ask('Qui tient les rênes de la CII à Genève ?').text).toMatch(/^\*\*Genève — Pilotage\*\*/);
    expect(assistant.ask('Qui a tenu la plume pour le guide sur les conventions avec les EISP ?').text).toMatch(/^\*\*Le guide : but et auteurs\*\*[^]*econcept/);
    expect(assistant.ask('Wer hat den Leitfaden zu Papier gebracht?').text).toMatch(/^\*\*Der Leitfaden: Zweck und Verfasser\*\*/);
    expect(assistant.ask('Chi tiene le redini della CII in Ticino?').text).toMatch(/^\*\*Ticino — Pilotaggio\*\*/);
    expect(assistant.ask('In Geneva, who calls the shots in CII?').text).toMatch(/^\*\*Geneva — Steering\*\*/);
    // Interinstitutional collaboration itself in other words.
    expect(assistant.ask('What is interagency collaboration?').text).toMatch(/^\*\*CII: interinstitutional collaboration\*\*/);
  });

  it("are never a phrase the base writes itself in that language (the base's texts are not rewritten)", () => {
    const texts = textsOf(kb);
    const clashes = LANGUAGES.flatMap((l) => {
      const base = ` ${texts.map((t) => words((t[l] ?? '').replace(/-/g, ' ')).join(' ')).join(' | ')} `;
      return Object.keys(paraphrases(l)).filter((phrase) => base.includes(` ${phrase.replace(/[-']/g, ' ')} `)).map((phrase) => `${l}: ${phrase}`);
    });
    expect(clashes).toEqual([]);
  });
});

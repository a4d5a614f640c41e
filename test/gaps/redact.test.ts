// What of a reported question is kept: nothing that could point to a person and that can be told
// mechanically.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAP_QUESTION_MAX, redact } from '../../src/gaps/redact.js';

describe('redacting a reported question', () => {
  it('takes out numbers of every kind, with what holds their parts together', () => {
    expect(redact('AHV 756.1234.5678.97, tel. +41 79 123 45 67, né le 12/03/1980')).toBe('AHV #, tel. #, né le #');
    expect(redact('Wie viele IIZ-Fälle hatte Zürich 2022?')).toBe('Wie viele IIZ-Fälle hatte Zürich #?');
    expect(redact('dossier n° 2024-117 à Genève')).toBe('dossier n° # à Genève');
  });

  it('takes out e-mail addresses, links and mentions of people in Teams and Slack', () => {
    expect(redact('écrire à jean.dupont@vd.ch ou à Marie_Rossi@example.org ?')).toBe('écrire à […] ou à […] ?');
    expect(redact('see https://example.org/people/ana-muster and www.linkedin.com/in/ana')).toBe('see […] and […]');
    expect(redact('<at>Ana Muster</at> wer steuert die IIZ in Bern?')).toBe('[…] wer steuert die IIZ in Bern?');
    expect(redact('ask <@U024BE7LH> or <@U024BE7LH|ana> in <#C123|cii>, <mailto:a@b.ch|a@b.ch>')).toBe('ask […] or […] in […], […]');
  });

  it('takes out the name after a courtesy title, in four languages', () => {
    expect(redact('Hat Frau Anna Meier Anspruch auf Taggelder?')).toBe('Hat Frau […] Anspruch auf Taggelder?');
    // Two capitalised words go, a first name and a surname: in German the noun after a surname goes too.
    expect(redact('Hat Herrn Müller Anspruch auf Taggelder?')).toBe('Hat Herrn […] auf Taggelder?');
    expect(redact('Mme Dupont Martin est-elle un cas CII ?')).toBe('Mme […] est-elle un cas CII ?');
    expect(redact('M. Dupont à Lausanne')).toBe('M. […] à Lausanne');
    expect(redact('la signora Rossi e il Dott. Bianchi')).toBe('la signora […] e il Dott. […]');
    expect(redact('Is Mr Smith a CII case?')).toBe('Is Mr […] a CII case?');
    // A one-letter title only with its full stop; a title without a capitalised word after it stays.
    expect(redact("I'm Swiss and the madame asked")).toBe("I'm Swiss and the madame asked");
  });

  it('keeps the question otherwise, on one line, at most GAP_QUESTION_MAX characters', () => {
    expect(redact('  qui pilote\nla CII   à Genève ?  ')).toBe('qui pilote la CII à Genève ?');
    const long = redact('pourquoi '.repeat(200));
    expect(long.length).toBe(GAP_QUESTION_MAX);
    expect(long.endsWith('…')).toBe(true);
  });

  it('keeps no digit and no @ whatever the text, and changes nothing it already redacted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const kept = redact(text);
        expect(kept).not.toMatch(/\p{Nd}/u);
        expect(kept).not.toMatch(/[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.[\p{L}\p{N}]/u);
        expect(redact(kept)).toBe(kept);
      }),
    );
  });
});

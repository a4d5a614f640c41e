// Questions across cantons computed from knowledge/canton-properties.yaml: the examples written
// beside each property, asked as they stand; intersections, negations, counts, "either", one
// canton's yes or no; the notes said aloud; and every canton of a group found in the lines cited.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { cantonPropertiesDocument, citedLines, readingOf, type CantonProperty } from '../../src/knowledge/canton-properties.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Language } from '../../src/knowledge/schema.js';
import { ANSWER_WORDS } from '../../src/i18n.js';
import { catalog } from '../../src/locales.js';
import { projectPath } from '../../src/paths.js';
import { INSTITUTION_PHRASES } from '../../src/understanding/vocabulary.js';

const kb = loadKnowledge();
const assistant = new Assistant(kb);
const properties = kb.cantonProperties.properties;
const property = (id: string) => properties.find((p) => p.id === id)!;
const WORDS = catalog('properties', ['notSaid', 'unnamed', 'none'] as const);

/** The cantons an answer lists, one bullet each: "• Zug (ZG): CaseNet". */
const listed = (text: string) => [...text.matchAll(/^• .* \(([A-Z]{2})\)(?::.*)?$/gm)].map((m) => m[1]!).sort();
/** The cantons that have a property, by the data. */
const holders = (p: CantonProperty) => [...kb.cantons.values()].filter((c) => readingOf(c, p).holds).map((c) => c.code).sort();
const ask = (text: string, language?: Language) => assistant.ask(text, language ? { language } : {});

describe('the examples beside each property', () => {
  for (const p of properties) {
    for (const example of p.examples) {
      it(`${p.id}: ${example.ask}`, () => {
        const answer = ask(example.ask);
        expect(answer.language).toBe(example.language);
        // Computed from this property: its label is in the answer, and so is each of its notes.
        expect(answer.text).toContain(p.label[example.language]);
        for (const n of p.notes ?? []) expect(answer.text).toContain(n.note[example.language]);
        expect(answer.sources.length).toBeGreaterThan(0);
        if (example.lists) {
          expect(listed(answer.text)).toEqual([...example.lists].sort());
        } else {
          const said = { yes: ANSWER_WORDS.yes, no: ANSWER_WORDS.no, unknown: WORDS.notSaid }[example.answer!][example.language];
          expect(answer.text).toContain(`• ${p.label[example.language]}: ${said}`);
        }
      });
    }
  }
});

describe('the data', () => {
  it('has every property asked in every language', () => {
    for (const p of properties) {
      for (const language of ['fr', 'de', 'it', 'en'] as const) expect(p.examples.some((e) => e.language === language), `${p.id} ${language}`).toBe(true);
    }
  });

  it('restates only sections the inventory summary has', () => {
    const sections = kb.inventory.sections.map((s) => s.id);
    for (const p of properties) for (const id of p.sections ?? []) expect(sections, p.id).toContain(id);
  });

  it('names only institutions the questions are read for', () => {
    for (const p of properties) for (const i of p.institutions ?? []) expect(Object.keys(INSTITUTION_PHRASES)).toContain(i);
  });

  it('refuses a canton said both to have and to lack a property, and a list without its lines', () => {
    const group = { cantons: ['TG'], source: { document: '002_8cd2fce77ca12853.txt', where: 'l.299' } };
    const base = { id: 'x', label: { fr: 'x', de: 'x', it: 'x', en: 'x' }, cues: { fr: ['x'], de: ['x'], it: ['x'], en: ['x'] }, part: 'steering', examples: [{ ask: 'x x x', language: 'fr', lists: ['TG'] }] };
    const bad = cantonPropertiesDocument.safeParse({ jointRows: [], properties: [{ ...base, has: group, lacks: group }] });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/TG both have and lack it/);
    const unnamed = cantonPropertiesDocument.safeParse({ jointRows: [], properties: [{ ...base, has: { ...group, cantons: [] } }] });
    expect(JSON.stringify(unnamed.error?.issues)).toMatch(/says why in a note/);
  });

  it('turns the seven properties that were code into data, with the same cantons', () => {
    expect(holders(property('bureau'))).toEqual(['BE', 'FR', 'GR', 'LU', 'SO', 'SZ', 'UR', 'VS', 'ZH']);
    expect(holders(property('platform'))).toEqual(['FR', 'GE', 'VS', 'ZG', 'ZH']);
    expect(holders(property('caseNumbers'))).toEqual(['AG', 'BE', 'GE', 'GR', 'SH', 'TG', 'VS', 'ZH']);
    expect(properties.filter((p) => 'from' in p).map((p) => p.id)).toEqual(expect.arrayContaining(['steeringCommittee', 'developmentCommittee', 'bureau', 'workingGroups', 'platform', 'formalCriteria', 'caseNumbers']));
  });
});

const SEEDS = resolve(process.env.SEEDS_DIR ?? projectPath('..', 'shared', 'seeds'));

describe.skipIf(!existsSync(SEEDS))('the groups of cantons', () => {
  const lines = readFileSync(resolve(SEEDS, '002_8cd2fce77ca12853.txt'), 'utf8').split('\n');

  it('name each canton in the lines they cite, by its code or its French name', () => {
    const missing: string[] = [];
    for (const p of properties) {
      if (!('has' in p)) continue;
      for (const group of [p.has, ...(p.lacks ? [p.lacks] : [])]) {
        const text = citedLines(group.source.where).map((n) => lines[n - 1] ?? '').join('\n');
        for (const code of group.cantons) {
          const c = kb.cantons.get(code)!;
          const named = new RegExp(`(^|[^A-Z])${code}([^A-Z]|$)`).test(text) || text.includes(c.names.fr);
          if (!named) missing.push(`${p.id}: ${code} not in ${group.source.where}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('questions across cantons', () => {
  it('intersects two properties, each checked against the data', () => {
    const answer = ask('which cantons have both a government decree and a framework agreement?');
    expect(listed(answer.text)).toEqual(['SG', 'ZG', 'ZH']);
    expect(answer.text).toMatch(/^\*\*Cantons \(3\): ✓ cantonal government decree \(ACE\) on CII and ✓ CII governed by agreements/);
    // Glarus: its row and the text disagree on agreements, which the answer says; it has no decree either way.
    expect(answer.text).toContain(property('agreementAnchoring').notes![1]!.note.en);
    // Basel-Landschaft has a decree, and the inventory says nothing of an agreement there: named apart, never counted.
    expect(answer.text).toMatch(/^The inventory says nothing on this for: AG, AI, AR, BE, BL, /m);
  });

  it('reads a property by the cues of the question\'s language: the French "office" is no English "office" (a bureau), nor is an institution\'s office', () => {
    const answer = ask("quels cantons ont deux coordinateurs, un à l'office du travail et un à l'office AI ?");
    expect(answer.text).toMatch(/^\*\*Cantons \(4\): ✓ deux coordinateurs CII[^*]*\*\*\n/);
    expect(listed(answer.text)).toEqual(holders(property('twoCoordinators')));
    // In English, the offices of an institution ("the employment office", "the AI office") name the institution, not a bureau.
    const en = ask('which cantons have two coordinators, one at the employment office and one at the AI office?');
    expect(en.text).toMatch(/^\*\*Cantons \(4\): ✓ two CII coordinators[^*]*\*\*\n/);
  });

  it('reads one cue shared by two institutions\' properties as both, each denied where the question denies its institution', () => {
    const migration = holders(property('migrationPartner'));
    const education = holders(property('educationPartner'));
    const de = ask('Welche Kantone haben die Migration, aber nicht die Bildung als IIZ-Partner?');
    expect(de.text).toMatch(/^\*\*Kantone \(\d+\): ✓ Migration unter den IIZ-Partnern und ✗ Bildung unter den IIZ-Partnern\*\*/);
    expect(listed(de.text)).toEqual(migration.filter((c) => !education.includes(c)));
    const en = ask('which cantons include both education and migration as partners?');
    expect(listed(en.text)).toEqual(migration.filter((c) => education.includes(c)));
  });

  it('denies every property of a "weder … noch" or "ni … ni" question', () => {
    const de = ask('Welche Kantone haben weder RRB noch Gesetz zur IIZ?');
    expect(de.text).toMatch(/✗ Regierungsratsbeschluss \(RRB\) zur IIZ und ✗ IIZ in einem kantonalen Gesetz/);
    expect(listed(de.text)).toEqual(['BS', 'GL', 'JU', 'VD']);
    const fr = ask("quels cantons n'ont ni bureau CII ni groupes de travail ?");
    expect(listed(fr.text)).toEqual(['AG', 'AR', 'BL', 'GL', 'NE', 'SG', 'TG', 'TI', 'VD', 'ZG']);
  });

  it('denies every property "or" joins after a negation ("without a bureau or working groups" has neither)', () => {
    const neither = listed(ask("quels cantons n'ont ni bureau CII ni groupes de travail ?").text);
    const en = ask('Which cantons have no CII bureau or working groups?');
    expect(en.text).toMatch(/✗ CII bureau and ✗ working or specialist groups/);
    expect(listed(en.text)).toEqual(neither);
    expect(ask('Kantone ohne RRB noch Gesetz oder Rahmenvereinbarung?').text).toMatch(/✗ Regierungsratsbeschluss.* und ✗ IIZ in einem kantonalen Gesetz.* und ✗ IIZ durch Vereinbarungen/);
    expect(listed(ask('quali cantoni sono senza ufficio CII o gruppi di lavoro?').text)).toEqual(neither);
    // "And" alone carries the denial on; "with" ends it.
    expect(listed(ask('quels cantons n\'ont pas de bureau CII et de groupes de travail ?').text)).toEqual(neither);
    expect(ask('Kantone ohne IIZ-Büro und mit Arbeitsgruppen?').text).toMatch(/✗ IIZ-Fachstelle und ✓ Arbeits- oder Fachgruppen/);
    // Asked, not denied, the same "or" still offers either.
    expect(ask('Which cantons have a CII bureau or working groups?').text).toMatch(/✓ CII bureau or ✓ working or specialist groups/);
  });

  it('denies both properties a slash joins after a negation ("ohne Büro/Arbeitsgruppen")', () => {
    const de = ask('welche Kantone ohne IIZ-Büro/Arbeitsgruppen?');
    expect(de.text).toMatch(/✗ IIZ-Fachstelle und ✗ Arbeits- oder Fachgruppen/);
    expect(listed(de.text)).toEqual(listed(ask("quels cantons n'ont ni bureau CII ni groupes de travail ?").text));
  });

  it('reaches a negation back to the property before, not past it', () => {
    const answer = ask('quali cantoni hanno un comitato di pilotaggio e gruppi di lavoro ma non un ufficio?');
    expect(answer.text).toMatch(/✓ comitato di pilotaggio e ✓ gruppi di lavoro o specialistici e ✗ ufficio CII/);
    expect(listed(answer.text)).toEqual(['BS', 'GE', 'JU', 'NW', 'OW', 'SH']);
    // Obwalden and Nidwalden come from one row of the inventory: the answer says so.
    expect(answer.text).toContain(kb.cantonProperties.jointRows[0]!.note.it);
  });

  it('answers whether every canton has a property with the cantons that lack it', () => {
    const fr = ask('chaque canton a-t-il son comité de pilotage CII ?');
    expect(fr.text).toMatch(/^\*\*Cantons \(3\): ✗ comité de pilotage\*\*/);
    expect(listed(fr.text)).toEqual(['AR', 'TI', 'VD']);
    expect(listed(ask('hat jeder Kanton ein Steuergremium für die IIZ?').text)).toEqual(['AR', 'TI', 'VD']);
  });

  it('asks nothing of a property a negation only limits ("not only by decree")', () => {
    const en = ask('which cantons have working groups, and not only a steering committee?');
    expect(en.text).toMatch(/^\*\*Cantons \(\d+\): ✓ working or specialist groups\*\*/);
    expect(listed(ask('welche Kantone haben Arbeitsgruppen und nicht nur ein Steuergremium?').text)).toEqual(listed(en.text));
  });

  it('lists the cantons that have either of two properties', () => {
    const answer = ask('which cantons have a common charter or a CII concept?');
    expect(answer.text).toMatch(/✓ common charter of the CII partners or ✓ CII concept/);
    expect(listed(answer.text)).toEqual(['GR', 'SO', 'TG', 'VS', 'ZH']);
  });

  it('counts, with the cantons, and says the count the text gives without names', () => {
    const answer = ask('in quanti cantoni un decreto del Consiglio di Stato regola la collaborazione?', 'it');
    expect(answer.text).toMatch(/^\*\*Cantoni \(11\): ✓ decreto del Consiglio di Stato sulla CII\*\*/);
    expect(answer.text).toMatch(/dieci cantoni/);
    const count = ask('wie viele Kantone führen eine Fallstatistik?');
    expect(count.text).toMatch(/^\*\*Kantone \(8\)/);
    expect(count.text).toMatch(/15 Kantone gaben an/);
  });

  it('says that a missing figure leaves no canton to name, rather than guessing', () => {
    const answer = ask('which cantons have a written CII process per case?');
    expect(answer.text).toContain(WORDS.unnamed.en);
    expect(listed(answer.text)).toEqual([]);
    // The property's note and the inventory section's erratum, both said.
    expect(answer.text).toContain(property('definedProcesses').notes![0]!.note.en);
    expect(answer.text).toMatch(/Figure 4 .* is missing from the text/);
    expect(answer.sources.some((s) => /Figure 4/.test(s.where))).toBe(true);
  });

  it('reads the institutions a question names to pick the table of projects', () => {
    expect(listed(ask('quels cantons ont des projets entre l’AI et l’AS ?').text)).toEqual(['BS', 'FR']);
    expect(listed(ask('welche Kantone haben Projekte zwischen RAV und Sozialhilfe?').text)).toEqual(['AG', 'BL', 'FR', 'JU', 'NE', 'SZ', 'VD', 'VS']);
    const any = ask('which cantons have no coordination projects?');
    expect(listed(any.text)).toEqual(['AI', 'AR', 'GE', 'GL', 'GR', 'NW', 'OW', 'SG', 'TG', 'TI', 'ZG']);
    expect(any.text).toMatch(/without claiming completeness/);
  });

  it('gives the platform of each canton listed, and the number of projects', () => {
    expect(ask('quali cantoni hanno una piattaforma elettronica?').text).toMatch(/^• Vallese \(VS\): MX_CII$/m);
    expect(ask('quels cantons ont des projets avec la formation ?').text).toMatch(/^• Bâle-Ville \(BS\): 7 projets$/m);
  });
});

describe('after a situation told first', () => {
  it("lists the cantons the asking sentence asks for, not the asker's own canton, by the properties that sentence names", () => {
    const platform = ask("Je travaille à l'ORP de Sion, en Valais. Quels cantons ont une plateforme électronique de gestion des cas ?");
    expect(listed(platform.text)).toEqual(holders(property('platform')));
    const bureau = ask('Bei uns in Zug gibt es Arbeitsgruppen. Welche Kantone haben eine IIZ-Fachstelle?');
    expect(bureau.text.split('\n')[0]).toBe(`**Kantone (9): ✓ ${property('bureau').label.de}**`);
    expect(listed(bureau.text)).toEqual(holders(property('bureau')));
  });
});

describe("one canton's yes or no", () => {
  it('answers yes with the source and the other cantons that have it', () => {
    const answer = ask('does Thurgau have a common charter?');
    expect(answer.text).toMatch(/^\*\*Thurgau \(TG\)\*\*\n• common charter of the CII partners: yes\n {2}Cantons that have it \(2\): TG, VS\./);
    expect(answer.sources[0]).toMatchObject({ document: '002_8cd2fce77ca12853.txt', where: 'section 2.2.1, l.299' });
    // Then the canton's own facts on the part it belongs to, with their errata.
    expect(answer.text).toMatch(/\*\*Thurgau — Steering\*\*/);
    expect(answer.about).toEqual({ kind: 'canton', code: 'TG', part: 'steering' });
  });

  it('answers no where the inventory says so, and says when it does not', () => {
    expect(ask('le canton de Vaud a-t-il une base légale pour la CII ?').text).toMatch(/• ancrage politique et normatif de la CII \(ACE, convention ou loi\): non/);
    const unsettled = ask('gibt es in Luzern eine gemeinsame Charta?');
    expect(unsettled.text).toContain(`• gemeinsame Charta der IIZ-Partner: ${WORDS.notSaid.de}`);
  });

  it('leaves a question about a canton that is not yes or no to its part', () => {
    expect(ask('wer sitzt in der IIZ-Steuergruppe in Uri?').text).not.toMatch(/Steuergremium: (ja|nein)/);
    expect(ask('comité de pilotage CII Genève').text).toMatch(/Genève — Pilotage/);
  });
});

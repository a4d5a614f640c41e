// Facts read in the sources, checked in the base: a sample from every part of every document.
import { describe, expect, it } from 'vitest';
import { coverage, INVENTORY_PARTS } from '../../src/knowledge/coverage.js';
import { sourcesIn } from '../../src/knowledge/crossrefs.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { CANTON_CODES, type CantonCode, type InventoryPart } from '../../src/knowledge/schema.js';

const kb = loadKnowledge();

/** All French text of a canton's part, for checking what it says. */
function partText(code: CantonCode, part: InventoryPart): string {
  return JSON.stringify(kb.cantons.get(code)!.inventory[part]);
}

describe('the 26 cantons', () => {
  it('has every canton, each named in four languages', () => {
    expect([...kb.cantons.keys()].sort()).toEqual([...CANTON_CODES].sort());
    const zh = kb.cantons.get('ZH')!.names;
    expect(zh).toMatchObject({ fr: 'Zurich', de: 'Zürich', it: 'Zurigo' });
    expect(kb.cantons.get('VD')!.names.de).toBe('Waadt');
  });

  it('says explicitly that the inventory reports nothing on Appenzell Innerrhoden', () => {
    const cells = coverage(kb).get('AI')!;
    for (const part of INVENTORY_PARTS) expect(cells[part].filled, part).toBe(false);
  });

  it('has no criteria row for AR, SH and TI, and says so', () => {
    for (const code of ['AR', 'SH', 'TI'] as const) {
      expect(kb.cantons.get(code)!.inventory.criteria.status).toBe('not-reported');
    }
  });

  it("records the AR row's 'Argovie' as a translation error", () => {
    const ar = JSON.stringify(kb.cantons.get('AR')!.inventory);
    expect(ar).toMatch(/translation-error/);
    expect(ar).toMatch(/Argovie/);
  });

  it("keeps Geneva's rule of at least two of four problems", () => {
    const ge = partText('GE', 'criteria');
    expect(ge).toMatch(/deux/);
    expect(ge).toMatch(/santé/);
    expect(ge).toMatch(/revenu/);
  });

  it("keeps Valais's 5575 network cases and 81 complex cases in 2022", () => {
    const vs = partText('VS', 'caseNumbers2022');
    expect(vs).toMatch(/5\s?575/);
    expect(vs).toMatch(/\b81\b/);
  });

  it('marks exactly the nine cantons with an autonomous bureau in Figure 3', () => {
    const withBureau = [...kb.cantons.values()]
      .filter((c) => c.inventory.composition.status === 'reported' && c.inventory.composition.bureau)
      .map((c) => c.code)
      .sort();
    expect(withBureau).toEqual(['BE', 'FR', 'GR', 'LU', 'SO', 'SZ', 'UR', 'VS', 'ZH']);
  });

  it('names the case platforms the inventory names', () => {
    const platform = (code: CantonCode) => kb.cantons.get(code)!.inventory.platform;
    expect(platform('VS')).toMatchObject({ status: 'reported', electronic: true, name: 'MX_CII' });
    expect(platform('ZG')).toMatchObject({ status: 'reported', electronic: true, name: 'CaseNet' });
    expect(platform('ZH')).toMatchObject({ status: 'reported', electronic: true, name: 'CASEnet' });
  });

  it('holds the 47 coordination projects of Tableaux 4 to 10', () => {
    const perTable = new Map<number, number>();
    const projects = [...kb.cantons.values()].flatMap((c) =>
      c.inventory.projects.status === 'reported' ? c.inventory.projects.items : [],
    );
    for (const p of [...projects, ...kb.inventory.unattributedProjects]) perTable.set(p.table, (perTable.get(p.table) ?? 0) + 1);
    expect(Object.fromEntries(perTable)).toMatchObject({ 4: 9, 5: 7, 6: 7, 7: 3, 8: 4, 9: 11, 10: 6 });
  });

  it("flags Uri's truncated criteria row", () => {
    expect(partText('UR', 'criteria')).toMatch(/truncated/);
  });
});

describe('the 44 indications', () => {
  const ind = (n: number) => kb.indications.indications.find((i) => i.number === n)!;

  it('gives indication 38 its twelve months and six months of notice', () => {
    const text = JSON.stringify(ind(38));
    expect(ind(38).block).toBe('G');
    expect(text).toMatch(/12 mois|douze mois/);
    expect(text).toMatch(/6 mois|six mois/);
  });

  it('gives indication 1 its five to ten pages', () => {
    expect(JSON.stringify(ind(1))).toMatch(/(5|cinq) (à|a) (10|dix) pages/);
  });

  it('places the indications in their blocks', () => {
    expect(ind(19).block).toBe('D-2');
    expect(ind(24).block).toBe('E');
    expect(ind(44).block).toBe('H');
  });

  it('records which organisme parts cite an indication', () => {
    // The AI part names 40, 41, 43, 44 and "Hinweis 38"; the AC part never names 1 or 2.
    expect(ind(40).citedBy).toContain('ai');
    expect(ind(38).citedBy).toContain('ai');
    expect(ind(1).citedBy).not.toContain('ac');
  });
});

describe('the organisme-specific rules and principles', () => {
  const rules = (id: string) => JSON.stringify(kb.organismes.organismes.find((o) => o.id === id)!.rules);

  it('keeps the at least 10 beneficiaries a year of aide sociale', () => {
    expect(rules('aide-sociale')).toMatch(/10 bénéficiaires/);
  });
  it('keeps art. 81d OACI for the AC', () => {
    expect(rules('ac')).toMatch(/81d/);
  });
  it('keeps the AI notice of 31 July with six months', () => {
    expect(rules('ai')).toMatch(/31 juillet/);
  });
});

describe('the other documents', () => {
  it('dates every Neuchâtel fact 2013', () => {
    expect(kb.neuchatel.asOf).toMatch(/^2013/);
    expect(JSON.stringify(kb.neuchatel)).toMatch(/NE-ESO/);
  });

  it('keeps the OIAS figures and says its KPIs are not available', () => {
    const oias = JSON.stringify(kb.oias.sections);
    expect(oias).toMatch(/28 millions/);
    expect(oias).toMatch(/45 millions/);
    expect(JSON.stringify(kb.oias.unavailable)).toMatch(/KPI/);
  });

  it('has the national programme sheet with its recommendations', () => {
    expect(kb.nationalProgramme.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['recommendations', 'challenges']));
  });

  it('has the glossary with the usual German and Italian equivalents', () => {
    const entry = (term: string) => kb.glossary.entries.find((e) => e.term === term)!;
    expect(entry('AC').abbreviations).toMatchObject({ de: 'ALV' });
    expect(entry('AI').abbreviations).toMatchObject({ de: 'IV' });
    expect(entry('ORP').abbreviations).toMatchObject({ de: 'RAV', it: 'URC' });
    expect(entry('CII').abbreviations).toMatchObject({ de: 'IIZ' });
  });

  it('describes the five source documents', () => {
    expect(kb.sources.documents).toHaveLength(5);
  });
});

describe('sources', () => {
  it('cites a line or table for every fact', () => {
    const all = [...sourcesIn([...kb.cantons.values()]), ...sourcesIn(kb.indications), ...sourcesIn(kb.organismes)];
    expect(all.length).toBeGreaterThan(500);
    for (const { path, source } of all) expect(source.where, path).toMatch(/\d|Tableau|Figure|section|ch\./i);
  });
});

// Dated knowledge: every fact knows the edition of its source; a later edition laid beside the base
// (a fabricated fixture under test/fixtures/editions/, never in knowledge/) changes Geneva's
// steering. Answers give the new fact "as of" its edition, a question asking for the older edition
// gets the older fact, and kb:diff shows the change.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { Bot } from '../../src/bot.js';
import { DerivedCache } from '../../src/knowledge/cache.js';
import { sourcesIn } from '../../src/knowledge/crossrefs.js';
import { diffEditions, formatDiff } from '../../src/knowledge/diff.js';
import { editionOf } from '../../src/knowledge/editions.js';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeError, loadKnowledge } from '../../src/knowledge/loader.js';
import { projectPath } from '../../src/paths.js';
import { LowStore } from '../../src/store/lowdb.js';

const FIXTURE = projectPath('test', 'fixtures', 'editions', 'inventory-2027');

const OLD = {
  fr: 'Le comité de pilotage compte six membres responsables',
  de: 'Der Steuerungsausschuss zählt sechs verantwortliche Mitglieder',
  it: 'Il comitato di pilotaggio conta sei membri responsabili',
  en: 'The steering committee has six responsible members',
};
const NEW = {
  fr: 'Fictif (test) : le comité de pilotage compte huit membres',
  de: 'Fiktiv (Test): Der Steuerungsausschuss zählt acht Mitglieder',
  it: 'Fittizio (test): il comitato di pilotaggio conta otto membri',
  en: 'Fictitious (test): the steering committee has eight members',
};
const AS_OF_2027 = {
  fr: "Selon l'édition : Inventaire CII, mai 2027 (fictif).",
  de: 'Stand: IIZ-Inventar, Mai 2027 (fiktiv).',
  it: "Secondo l'edizione: Inventario CII, maggio 2027 (fittizio).",
  en: 'As of: CII inventory, May 2027 (fictitious).',
};
const AS_OF_2025 = {
  fr: "Selon l'édition : Inventaire CII, mai 2025 (édition plus récente : Inventaire CII, mai 2027 (fictif)).",
  de: 'Stand: IIZ-Inventar, Mai 2025 (neuere Ausgabe: IIZ-Inventar, Mai 2027 (fiktiv)).',
  it: "Secondo l'edizione: Inventario CII, maggio 2025 (edizione più recente: Inventario CII, maggio 2027 (fittizio)).",
  en: 'As of: CII inventory, May 2025 (later edition: CII inventory, May 2027 (fictitious)).',
};

const base = loadKnowledge(DEFAULT_KNOWLEDGE_DIR, null, { editions: [] });
const withFixture = loadKnowledge(DEFAULT_KNOWLEDGE_DIR, null, { editions: [FIXTURE] });
const assistant = new Assistant(withFixture);

let dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the fixture edition with one file changed as text. */
function fixtureWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'edition-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function problemsWith(dir: string): string {
  try {
    loadKnowledge(DEFAULT_KNOWLEDGE_DIR, null, { editions: [dir] });
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).message;
  }
  throw new Error('the edition folder loaded although it is wrong');
}

describe('every fact knows its edition', () => {
  it('each document of the base has one, and every source cited names such a document', () => {
    expect(base.sources.documents.map((d) => d.edition.id)).toEqual(['eisp-guide-2017', 'programme-sheet-5', 'inventory-2025', 'neuchatel-2013', 'oias-2023']);
    const cited = [...sourcesIn({ ...base, cantons: [...base.cantons.values()] })];
    expect(cited.length).toBeGreaterThan(500);
    expect(cited.filter(({ source }) => !editionOf(base, source.document))).toEqual([]);
  });

  it("a fact of an edition folder knows that folder's edition", () => {
    const steering = withFixture.cantons.get('GE')!.inventory.steering;
    expect(steering.status === 'reported' && steering.facts.map((f) => editionOf(withFixture, f.source.document)?.id)).toEqual(['inventory-2027', 'inventory-2027']);
    // The parts the edition leaves out stay as the base has them.
    expect(withFixture.cantons.get('GE')!.inventory.criteria).toEqual(base.cantons.get('GE')!.inventory.criteria);
  });
});

describe('answers from the current edition, as of its date', () => {
  const questions = { fr: 'qui pilote la CII à Genève ?', de: 'wer steuert die IIZ im Kanton Genf?', it: 'chi guida la CII nel cantone di Ginevra?', en: 'who steers CII in the canton of Geneva?' };
  for (const [language, question] of Object.entries(questions) as [keyof typeof questions, string][]) {
    it(`${language}: the new fact, as of the 2027 edition`, () => {
      const answer = assistant.ask(question);
      expect(answer.language).toBe(language);
      expect(answer.text).toContain(NEW[language]);
      expect(answer.text).not.toContain(OLD[language]);
      expect(answer.text).toContain(AS_OF_2027[language]);
      expect(answer.sources.map((s) => s.document)).toEqual(['fixture-inventaire-2027.txt', 'fixture-inventaire-2027.txt']);
    });
  }

  it('the base without an edition folder answers as before: the 2025 fact, dated by its source alone', () => {
    const answer = new Assistant(base).ask('qui pilote la CII à Genève en 2025 ?');
    expect(answer.text).toContain(OLD.fr);
    // One edition of each publication: the short name in the sources ("Inventaire CII 2025") dates it.
    expect(answer.text).not.toContain("Selon l'édition");
    expect(answer.sources.map((s) => s.short)).toContain('Inventaire CII 2025');
    expect(answer.sources.every((s) => s.document === '002_8cd2fce77ca12853.txt')).toBe(true);
  });

  it('only publications with several editions are dated in the text', () => {
    expect(assistant.ask('indication 18').text).not.toContain("Selon l'édition");
  });
});

describe('a question asking for an older edition', () => {
  const questions: [keyof typeof OLD, string][] = [
    ['fr', 'qui pilote la CII à Genève en 2025 ?'],
    ['de', 'wer steuert die IIZ im Kanton Genf im Jahr 2025?'],
    ['it', 'chi guida la CII nel cantone di Ginevra nel 2025?'],
    ['en', 'who steered CII in the canton of Geneva in 2025?'],
    ['de', 'wer steuert die IIZ in Genf laut IIZ-Inventar 2025?'],
    ['en', 'who steers CII in Geneva (edition inventory-2025)?'],
  ];
  for (const [language, question] of questions) {
    it(`«${question}»: the 2025 fact, as of 2025`, () => {
      const answer = assistant.ask(question);
      expect(answer.text).toContain(OLD[language]);
      expect(answer.text).not.toContain(NEW[language]);
      expect(answer.text).toContain(AS_OF_2025[language]);
      expect(answer.sources.every((s) => s.document === '002_8cd2fce77ca12853.txt')).toBe(true);
    });
  }

  it('a year of the current edition or later keeps the current one', () => {
    expect(assistant.ask('who steers CII in Geneva in 2027?').text).toContain(NEW.en);
    expect(assistant.ask('qui pilote la CII à Genève en 2030 ?').text).toContain(NEW.fr);
  });

  it('«et en 2025 ?» after a question about the current edition answers from 2025', async () => {
    const bot = new Bot(withFixture, LowStore.inMemory());
    const [first] = await bot.handle({ conversationId: 'editions', text: 'qui pilote la CII à Genève ?' });
    expect(first!.kind === 'answer' && first!.answer.text).toContain(NEW.fr);
    const [then] = await bot.handle({ conversationId: 'editions', text: 'et en 2025 ?' });
    expect(then!.kind === 'answer' && then!.answer.text).toContain(OLD.fr);
    expect(then!.kind === 'answer' && then!.answer.text).toContain(AS_OF_2025.fr);
  });
});

describe('kb:diff', () => {
  it('shows the change of steering in Geneva: the fact changed and the fact added', () => {
    const diff = diffEditions(withFixture, 'inventory-2025', 'inventory-2027');
    expect(diff.parts).toHaveLength(1);
    const [part] = diff.parts;
    expect(part).toMatchObject({ canton: { code: 'GE' }, part: 'steering', removed: [], values: [] });
    expect(part!.changed).toHaveLength(1);
    expect(part!.changed[0]!.from.fr).toContain(OLD.fr);
    expect(part!.changed[0]!.to.fr).toContain(NEW.fr);
    expect(part!.added.map((t) => t.en)).toEqual(['Fictitious (test): an annual report of the steering committee goes to the Council of State.']);
    expect(diffEditions(withFixture, 'inventory-2025', 'inventory-2025').parts).toEqual([]);
    expect(formatDiff(diff, 'en')).toContain('1 part(s) changed: 1 fact(s) changed, 1 added, 0 removed.');
  });

  it('npm run kb:diff <old> <new> prints it per canton and part', () => {
    const output = execFileSync('npm', ['run', '--silent', 'kb:diff', 'inventory-2025', 'inventory-2027'], {
      cwd: projectPath(),
      encoding: 'utf8',
      env: { ...process.env, KNOWLEDGE_EDITIONS: FIXTURE },
    });
    expect(output).toContain('Changes from Inventaire CII, mai 2025 (inventory-2025) to Inventaire CII, mai 2027 (fictif) (inventory-2027)');
    expect(output).toMatch(/GE — Genève\n {2}steering \(Pilotage\)\n {4}changed {2}« Le comité de pilotage compte six membres[^\n]*»\n {10}→ « Fictif \(test\) : le comité de pilotage compte huit membres/);
    expect(output).toContain("    added    « Fictif (test) : un rapport annuel du comité de pilotage est remis au Conseil d'État. »");
  }, 30_000);
});

describe('an edition folder', () => {
  it('changes the key of the derived-data cache', () => {
    expect(DerivedCache.forKnowledge(DEFAULT_KNOWLEDGE_DIR, [FIXTURE])?.key).not.toBe(DerivedCache.forKnowledge(DEFAULT_KNOWLEDGE_DIR)?.key);
  });

  it('must be later than the edition it follows', () => {
    const dir = fixtureWith('sources.yaml', (t) => t.replace('date: "2027-05"', 'date: "2024-12"'));
    expect(problemsWith(dir)).toContain('sources.yaml, line 9, documents[0].edition.date: 2024-12 is not after the current edition of «inventory» (inventory-2025, 2025-05)');
  });

  it('may cite only editions of the publication its file follows', () => {
    const dir = fixtureWith('cantons/GE.yaml', (t) => t.replace('document: fixture-inventaire-2027.txt, where: "Tableau 1, l.13"', 'document: 000_d12930a7fe8d9108.txt, where: "Tableau 1, l.13"'));
    expect(problemsWith(dir)).toContain('cantons/GE.yaml, line 20, inventory.steering.facts[1].source.document: cites 000_d12930a7fe8d9108.txt, which is not an edition of «inventory»');
  });

  it('must change something', () => {
    const dir = fixtureWith('cantons/GE.yaml', () => 'code: GE\ninventory: {}\n');
    expect(problemsWith(dir)).toContain('cantons/GE.yaml: changes nothing');
  });
});

// The places of the French sources, written the reader's way; a word without translation is found.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { GENERATED, languagesModule } from '../scripts/languages.js';
import { LANGUAGES } from '../src/knowledge/primitives.js';
import { projectPath } from '../src/paths.js';
import { LocaleError, allCues, catalog, cueNames, cues, dialect, lexicon, localPlace, locales, uiKeys, untranslated } from '../src/locales.js';
import { EVERYDAY_WORDS } from '../src/search/everyday.js';

describe('places of the sources in the reader language', () => {
  it('writes tables, lines, sections and columns the way each language does', () => {
    const where = 'Tableau 1, l.355; section 2.4.1, l.526';
    expect(localPlace(where, 'de')).toBe('Tabelle 1, Z. 355; Abschnitt 2.4.1, Z. 526');
    expect(localPlace(where, 'it')).toMatch(/^Tabella 1, r\. 355; sezione 2\.4\.1, r\. 526$/);
    expect(localPlace(where, 'en')).toBe('Table 1, l.355; section 2.4.1, l.526');
    expect(localPlace(where, 'fr')).toBe(where);
    expect(localPlace('Tableau 1, l.357 (colonne « Pilotage »)', 'de')).toBe('Tabelle 1, Z. 357 (Spalte «Steuerung»)');
  });

  it('finds the words a locale cannot translate, but not canton codes', () => {
    expect(untranslated('Tableau 3, ligne VD, paragraphe inconnu', 'de')).toContain('paragraphe inconnu');
    expect(untranslated('Tableau 3, l.552 (VD)', 'de')).toEqual([]);
  });

  it('refuses a language without its folder or without the locale its dates are written in', () => {
    const bare = mkdtempSync(join(tmpdir(), 'cii-locales-'));
    for (const language of ['fr', 'de', 'it', 'en']) mkdirSync(join(bare, language));
    expect(() => locales(bare)).toThrow(/fr: no formats\.locale/);
  });

  it('refuses a language without its folder, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cii-locales-'));
    mkdirSync(join(dir, 'fr'));
    writeFileSync(join(dir, 'fr', 'locators.yaml'), 'locators: {}\nformats: { locale: fr-CH, order: 1 }\n');
    expect(() => locales(dir)).toThrow(LocaleError);
    expect(() => locales(dir)).toThrow(/de: missing/);
  });

  it('names the command to run when a language folder was added since the list was written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cii-locales-'));
    mkdirSync(join(dir, 'rm'));
    expect(() => locales(dir)).toThrow(/rm: a language folder added since the list of languages was written: run npm run languages/);
  });
});

describe('the locales kept in the derived-data cache', () => {
  /** Cache files are written once the current turn of the event loop is over. */
  const written = () => new Promise((resolve) => setImmediate(resolve));

  it('are read from the cache at the next start, and read again from the files once one is edited', async () => {
    const previous = process.env.CACHE_DIR;
    const cacheDir = mkdtempSync(join(tmpdir(), 'cii-locale-cache-'));
    const copy = mkdtempSync(join(tmpdir(), 'cii-locales-'));
    const other = mkdtempSync(join(tmpdir(), 'cii-locales-'));
    try {
      process.env.CACHE_DIR = cacheDir;
      cpSync(projectPath('locales'), copy, { recursive: true });
      cpSync(projectPath('locales'), other, { recursive: true });
      const title = locales(copy).get('de')!.ui.bot!.notFound;
      await written();
      const [file] = readdirSync(cacheDir).filter((f) => f.startsWith('locales-'));
      expect(file).toBeDefined();
      // What the cache holds is what the next start shows (parsing the YAML again would show the files).
      const kept = readFileSync(join(cacheDir, file!));
      writeFileSync(join(cacheDir, file!), serialize(JSON.stringify(JSON.parse(deserialize(kept) as string, (_, v) => (v === title ? 'aus dem Cache' : v)))));
      locales(other);
      expect(locales(copy).get('de')!.ui.bot!.notFound).toBe('aus dem Cache');
      // An edited file is read again, and a pattern comes back as a pattern.
      const ui = join(copy, 'de', 'ui.yaml');
      writeFileSync(ui, readFileSync(ui, 'utf8').replace(title!, `${title} (neu)`));
      locales(other);
      expect(locales(copy).get('de')!.ui.bot!.notFound).toBe(`${title} (neu)`);
      expect(locales(copy).get('de')!.pattern).toBeInstanceOf(RegExp);
    } finally {
      if (previous === undefined) delete process.env.CACHE_DIR;
      else process.env.CACHE_DIR = previous;
      locales();
      for (const dir of [cacheDir, copy, other]) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the list of languages, written from the folders', () => {
  const folder = (dir: string, name: string, formats: string) => {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'formats.yaml'), `formats:\n${formats}`);
  };

  it('is the folders under locales/, as the compiler sees them', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(languagesModule(projectPath('locales')));
    expect(LANGUAGES).toEqual(['fr', 'de', 'it', 'en']);
  });

  it('takes in a new folder at the place its formats give, so that adding a language needs no code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cii-languages-'));
    folder(dir, 'fr', '  order: 1\n  locale: fr-CH\n');
    folder(dir, 'rm', '  order: 5\n  locale: rm-CH\n');
    folder(dir, 'de', '  order: 2\n  locale: de-CH\n');
    expect(languagesModule(dir)).toContain("export const LANGUAGES = ['fr', 'de', 'rm'] as const;");
  });

  it('names the folder whose place is missing, and two languages at one place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cii-languages-'));
    folder(dir, 'fr', '  locale: fr-CH\n');
    expect(() => languagesModule(dir)).toThrow(/fr\/formats\.yaml: formats\.order is missing/);
    const twice = mkdtempSync(join(tmpdir(), 'cii-languages-'));
    folder(twice, 'fr', '  order: 1\n');
    folder(twice, 'de', '  order: 1\n');
    expect(() => languagesModule(twice)).toThrow(/two languages have formats\.order 1/);
  });
});

describe('the UI strings', () => {
  it('exist in every language, the same keys as in French', () => {
    const french = uiKeys('fr');
    expect(french.length).toBeGreaterThan(20);
    for (const language of ['de', 'it', 'en'] as const) expect(uiKeys(language), language).toEqual(french);
  });

  it('name the missing key and file when a module asks for one no locale has', () => {
    expect(() => catalog('messages', ['caution', 'noSuchKey'])).toThrow(/locales\/fr\/ui\.yaml: ui\.messages\.noSuchKey/);
  });
});

describe('the words users type', () => {
  it('load for every module that reads them, every language having every list', async () => {
    // Each module asks for its lists when loaded: a list missing in a language would throw here.
    for (const module of [
      '../src/understanding/vocabulary.js',
      '../src/understanding/properties.js',
      '../src/understanding/cantons.js',
      '../src/understanding/language.js',
      '../src/understanding/italian.js',
      '../src/understanding/query.js',
      '../src/triage/words.js',
      '../src/reminders/commands.js',
      '../src/checklists/commands.js',
      '../src/bot.js',
    ]) {
      await expect(import(module), module).resolves.toBeDefined();
    }
    const french = cueNames('fr');
    expect(french.length).toBeGreaterThan(60);
    for (const language of ['de', 'it', 'en'] as const) expect(cueNames(language), language).toEqual(french);
  });

  it('have a word in each language for what every language asks', () => {
    for (const name of ['definition', 'count', 'date', 'triage', 'negation', 'help', 'topic.criteria', 'institution.AI', 'language']) {
      for (const [language, words] of Object.entries(cues(name))) expect(words.length, `${language} ${name}`).toBeGreaterThan(0);
    }
    expect(cues('definition').de).toContain('was ist');
    expect(allCues('triage')).toContain('triage');
    expect(allCues('triage').filter((w) => w === 'triage')).toHaveLength(1);
  });

  it('name the file and list a language lacks', () => {
    expect(() => cues('noSuchList')).toThrow(LocaleError);
    expect(() => cues('noSuchList')).toThrow(/locales\/fr\/cues\.yaml: cues\.noSuchList/);
  });

  it('refuse a phrase that is not folded, and a list written twice in one language', () => {
    const folder = (files: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'cii-cues-'));
      for (const [i, language] of ['fr', 'de', 'it', 'en'].entries()) {
        mkdirSync(join(dir, language));
        writeFileSync(join(dir, language, 'formats.yaml'), `formats: { locale: ${language}-CH, order: ${i + 1} }\n`);
      }
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
      return dir;
    };
    expect(() => locales(folder({ 'fr/cues.yaml': 'cues:\n  definition: ["Qu\'est-ce"]\n' }))).toThrow(/fr\/cues\.yaml: cues\.definition\.0: must be folded/);
    expect(() => locales(folder({ 'de/cues.yaml': 'cues:\n  help: [hilfe]\n', 'de/commands.yaml': 'cues:\n  help: [hilfe]\n' }))).toThrow(/de\/cues\.yaml: cues\.help is already in commands\.yaml/);
    expect(() => locales(folder({ 'it/cues.yaml': 'cues:\n  definition: ["cos e", 3]\n' }))).toThrow(/it\/cues\.yaml: cues\.definition\.1/);
    expect(() => locales(folder({ 'de/dialect.yaml': 'dialect:\n  spellings: []\n  words:\n    "gits es": gibt es\n' }))).toThrow(/de\/dialect\.yaml: dialect\.words\.gits es: must be one folded word/);
    expect(() => locales(folder({ 'de/dialect.yaml': 'dialect:\n  spellings: [["ig(", ung]]\n  words: {}\n' }))).toThrow(/de\/dialect\.yaml: dialect\.spellings\.0\.0: must be a regular expression/);
  });

  it('gloss Italian words in French for the search', () => {
    const glosses = lexicon('it');
    expect(Object.keys(glosses).length).toBeGreaterThan(1000);
    expect(glosses.accordo).toBe('accord');
    expect(() => lexicon('de')).toThrow(/locales\/de\/lexicon\.yaml/);
  });

  it('reads Swiss German words as Standard German, none of them a common word of any language', () => {
    const swiss = dialect('de').words;
    expect(swiss.isch).toBe('ist');
    expect(swiss.zuri).toBe('zurich');
    // "wer", "die", "no", "per" must never be rewritten: a question in another language would change.
    expect(Object.keys(swiss).filter((w) => EVERYDAY_WORDS.has(w))).toEqual([]);
  });

  it("reads chat forms as written words (\"c koi\", \"xke\", \"ppl\"), none a common word, none another language's", () => {
    expect(dialect('fr').words.koi).toBe('quoi');
    expect(dialect('it').words.xke).toBe('perche');
    expect(dialect('en').words.ppl).toBe('people');
    const forms = LANGUAGES.flatMap((l) => Object.keys(dialect(l).words));
    expect(forms.filter((w) => EVERYDAY_WORDS.has(w))).toEqual([]);
    expect(forms.filter((w, i) => forms.indexOf(w) !== i)).toEqual([]);
  });
});

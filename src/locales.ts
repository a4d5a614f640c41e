// The words of each language that are data rather than code: one folder per language under
// locales/, its files validated at load. ui.yaml: the assistant's own words (headings, messages,
// buttons), in catalogs that modules ask for by name and keys; locators.yaml: how the places of the
// French sources are written in that language ("Tableau 1, l.343" is "Tabelle 1, Z. 343");
// cues.yaml and commands.yaml: the words it recognises in what users type, in named lists that
// modules ask for by name; it/lexicon.yaml: Italian words glossed in French for the search;
// de/dialect.yaml: Swiss German words as people type them, read as Standard German;
// paraphrases.yaml: everyday phrases read in the documents' words.
import { readdirSync, readFileSync } from 'node:fs';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { DerivedCache, type Codec } from './knowledge/cache.js';
import { LANGUAGES, isLanguage, type Language, type Localized } from './knowledge/primitives.js';
import { projectPath } from './paths.js';

/** A phrase as questions are read: folded words, one space apart (a hyphen or an apostrophe kept where a list needs it). */
const FOLDED = /^[a-z0-9'-]+(?: [a-z0-9'-]+)*$/;

const compiles = (source: string) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

const localeFile = z.strictObject({
  /** French phrases of the sources' places → this language; French itself has none. */
  locators: z.record(z.string().min(1), z.string().regex(/\S/, 'must not be blank')).nullish(),
  /** Catalogs of UI strings: catalog name → key → text. */
  ui: z.record(z.string().min(1), z.record(z.string().min(1), z.string().regex(/\S/, 'must not be blank'))).nullish(),
  /** Words users type, by list name: folded phrases (lower case, no accents), [] where the language has none. */
  cues: z.record(z.string().min(1), z.array(z.string().regex(FOLDED, 'must be folded: lower case, no accents, one space between words'))).nullish(),
  /** How dates and numbers are written: the BCP 47 locale (de-CH) that luxon and Intl format with. */
  formats: z.strictObject({ locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale like de-CH'), order: z.number().int().positive() }).nullish(),
  /** Words of this language → their gloss in the sources' language, for the search. */
  lexicon: z.record(z.string().regex(FOLDED, 'must be folded: lower case, no accents, one space between words'), z.string().regex(/\S/, 'must not be blank')).nullish(),
  /**
   * This language's dialects as people type them: words (one folded word → the standard form) and
   * spellings (a regular expression over a folded word → its standard spelling, "ig$" → "ung").
   */
  dialect: z
    .strictObject({
      words: z.record(z.string().regex(/^[a-z]+$/, 'must be one folded word: lower case letters, no accents'), z.string().regex(FOLDED, 'must be folded: lower case, no accents, one space between words')),
      spellings: z.array(z.tuple([z.string().refine(compiles, 'must be a regular expression'), z.string().regex(/^[a-z]*$/, 'must be folded letters')])),
    })
    .nullish(),
  /** Everyday phrases of two words or more → the documents' words they are read as ("wer bezahlt das" → "wer finanziert das"). */
  paraphrases: z
    .record(z.string().regex(FOLDED, 'must be folded: lower case, no accents, one space between words').regex(/ /, 'must be two words or more (one word is a synonym)'), z.string().regex(FOLDED, 'must be folded: lower case, no accents, one space between words'))
    .nullish(),
});

export class LocaleError extends Error {}

interface Locale {
  /** The BCP 47 locale dates are written in. */
  locale: string;
  ui: Record<string, Record<string, string>>;
  locators: Record<string, string>;
  cues: Record<string, string[]>;
  /** The file of each list of cues, to name it when another language lacks the list. */
  cueFiles: Record<string, string>;
  lexicon: Record<string, string>;
  dialect: Dialect;
  paraphrases: Record<string, string>;
  /** Every French phrase, longest first, as whole words. */
  pattern?: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readLocaleFile(file: string): z.infer<typeof localeFile> {
  let parsed;
  try {
    parsed = localeFile.safeParse(parseYaml(readFileSync(file, 'utf8')) ?? {});
  } catch (error) {
    throw new LocaleError(`${file}: ${(error as Error).message}`);
  }
  // A bad key of a record (a lexicon's word) carries its reason one level down.
  const reason = (i: z.core.$ZodIssue) => (i.code === 'invalid_key' ? i.issues.map((k) => k.message).join(', ') : i.message);
  if (!parsed.success) throw new LocaleError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${reason(i)}`).join('; ')}`);
  return parsed.data;
}

function loadLocale(language: Language, dir: string): Locale {
  const folder = `${dir}/${language}`;
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    throw new LocaleError(`${folder}: missing (every language has a folder under locales/)`);
  }
  const data = files.map((f) => readLocaleFile(`${folder}/${f}`));
  const locators = Object.assign({}, ...data.map((d) => d.locators ?? {})) as Record<string, string>;
  const ui = Object.assign({}, ...data.map((d) => d.ui ?? {})) as Record<string, Record<string, string>>;
  const lexicon = Object.assign({}, ...data.map((d) => d.lexicon ?? {})) as Record<string, string>;
  const dialect: Dialect = { words: Object.assign({}, ...data.map((d) => d.dialect?.words ?? {})), spellings: data.flatMap((d) => d.dialect?.spellings ?? []) };
  const paraphrases = Object.assign({}, ...data.map((d) => d.paraphrases ?? {})) as Record<string, string>;
  const lists: Record<string, string[]> = {};
  const cueFiles: Record<string, string> = {};
  data.forEach((d, i) => {
    for (const [name, phrases] of Object.entries(d.cues ?? {})) {
      if (cueFiles[name]) throw new LocaleError(`${folder}/${files[i]}: cues.${name} is already in ${cueFiles[name]}`);
      lists[name] = phrases;
      cueFiles[name] = files[i]!;
    }
  });
  const locale = data.find((d) => d.formats)?.formats?.locale;
  if (!locale) throw new LocaleError(`${folder}: no formats.locale (the locale dates are written in, such as de-CH)`);
  const keys = Object.keys(locators).sort((a, b) => b.length - a.length);
  return { locale, ui, locators, cues: lists, cueFiles, lexicon, dialect, paraphrases, ...(keys.length ? { pattern: new RegExp(`(?<!\\p{L})(?:${keys.map(escape).join('|')})(?!\\p{L})`, 'gu') } : {}) };
}

/** The locales as one JSON text (read several times faster than V8's format for plain data); a pattern is rebuilt from its source. */
const LOCALES_CODEC: Codec<[Language, Locale][]> = {
  encode: (entries) => JSON.stringify(entries.map(([l, { pattern, ...locale }]) => [l, { ...locale, ...(pattern ? { pattern: pattern.source } : {}) }])),
  decode: (data) =>
    (JSON.parse(data as string) as [Language, Omit<Locale, 'pattern'> & { pattern?: string }][]).map(([l, { pattern, ...locale }]) => [
      l,
      { ...locale, ...(pattern ? { pattern: new RegExp(pattern, 'gu') } : {}) },
    ]),
};

let cache: { dir: string; locales: Map<Language, Locale> } | undefined;

export function locales(dir: string = projectPath('locales')): Map<Language, Locale> {
  if (cache?.dir !== dir) {
    // The list the compiler checks every text against is written from the folders before a build or
    // a test run; a folder added since is named rather than ignored.
    const unknown = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !isLanguage(e.name));
    if (unknown.length > 0) {
      throw new LocaleError(`${dir}/${unknown[0]!.name}: a language folder added since the list of languages was written: run npm run languages (npm run build and npm test do), then add its texts to the base (npm run kb:check lists them)`);
    }
    // Validated once and kept in the derived-data cache: parsing the YAML is most of a start's time.
    const read = () => LANGUAGES.map((l): [Language, Locale] => [l, loadLocale(l, dir)]);
    const derived = DerivedCache.forFolders([['locales', dir]]);
    cache = { dir, locales: new Map(derived ? derived.get('locales', read, LOCALES_CODEC) : read()) };
  }
  return cache.locales;
}

/**
 * A catalog of UI strings in every language, for the keys the module names: a key missing in a
 * language stops the start with the file and key named.
 */
export function catalog<K extends string>(name: string, keys: readonly K[]): Record<K, Localized> {
  const all = locales();
  const missing = LANGUAGES.flatMap((l) => keys.filter((k) => !all.get(l)!.ui[name]?.[k]).map((k) => `locales/${l}/ui.yaml: ui.${name}.${k}`));
  if (missing.length > 0) throw new LocaleError(`UI strings missing: ${missing.join(', ')}`);
  return Object.fromEntries(keys.map((k) => [k, Object.fromEntries(LANGUAGES.map((l) => [l, all.get(l)!.ui[name]![k]!]))])) as Record<K, Localized>;
}

/**
 * A list of words users type, in every language (locales/<language>/cues.yaml or commands.yaml): a
 * language without the list stops the start with the file and list named; an empty list is a
 * language without such a word.
 */
export function cues(name: string): Record<Language, string[]> {
  const all = locales();
  const missing = LANGUAGES.filter((l) => !all.get(l)!.cues[name]);
  if (missing.length > 0) {
    const file = LANGUAGES.map((l) => all.get(l)!.cueFiles[name]).find(Boolean) ?? 'cues.yaml';
    throw new LocaleError(`Recognition words missing: ${missing.map((l) => `locales/${l}/${file}: cues.${name}`).join(', ')}`);
  }
  return Object.fromEntries(LANGUAGES.map((l) => [l, [...all.get(l)!.cues[name]!]])) as Record<Language, string[]>;
}

/** A list of words users type, every language's together, each word once (in the order fr, de, it, en). */
export function allCues(name: string): string[] {
  return [...new Set(LANGUAGES.flatMap((l) => cues(name)[l]))];
}

/** Every list of words users type in a language (for the test that all languages have the same). */
export function cueNames(language: Language): string[] {
  return Object.keys(locales().get(language)!.cues).sort();
}

/** The words of a language glossed in the sources' language (locales/<language>/lexicon.yaml), in file order. */
export function lexicon(language: Language): Record<string, string> {
  const entries = locales().get(language)!.lexicon;
  if (Object.keys(entries).length === 0) throw new LocaleError(`locales/${language}/lexicon.yaml: lexicon missing`);
  return { ...entries };
}

/** A language's dialects: words and spellings with their standard forms. */
export interface Dialect {
  words: Record<string, string>;
  /** Regular expression over a folded word, and what it matches becomes. */
  spellings: [string, string][];
}

/** A language's dialects (locales/<language>/dialect.yaml); none for most languages. */
export function dialect(language: Language): Dialect {
  const { words, spellings } = locales().get(language)!.dialect;
  return { words: { ...words }, spellings: spellings.map(([from, to]) => [from, to]) };
}

/** A language's everyday phrases and the documents' words they are read as (locales/<language>/paraphrases.yaml). */
export function paraphrases(language: Language): Record<string, string> {
  return { ...locales().get(language)!.paraphrases };
}

/** Words or phrases as a regular expression's alternatives: escaped, the longest first. */
export function alternatives(phrases: readonly string[]): string {
  return [...phrases].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/** Every UI string key of a language, as "catalog.key" (for the test that all languages have the same). */
export function uiKeys(language: Language): string[] {
  return Object.entries(locales().get(language)!.ui).flatMap(([name, entries]) => Object.keys(entries).map((k) => `${name}.${k}`)).sort();
}

/** The locale dates and numbers are written in for a language ("de-CH"). */
export function dateLocale(language: Language): string {
  return locales().get(language)!.locale;
}

/** A place in a source document ("Tableau 3, l.554-560"), written the way the language writes it. */
export function localPlace(where: string, language: Language): string {
  const locale = locales().get(language)!;
  if (!locale.pattern) return where;
  return where.replace(locale.pattern, (phrase) => locale.locators[phrase] ?? phrase).replace(/ {2,}/g, ' ').trim();
}

/** What of a place has no translation in the language: runs of letters left once every known phrase is taken out. */
export function untranslated(where: string, language: Language): string[] {
  const locale = locales().get(language)!;
  if (language === 'fr') return [];
  const rest = locale.pattern ? where.replace(locale.pattern, ' ') : where;
  // Canton codes (VD, OW/NW) are the same in every language.
  return (rest.match(/\p{L}[\p{L}'’\- ]*\p{L}/gu) ?? []).map((s) => s.trim()).filter((s) => !/^[A-Z]{2}$/.test(s));
}

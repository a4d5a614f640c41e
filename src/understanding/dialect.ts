// A question typed in a dialect, read in the standard language: Swiss German as people write it in
// chats ("Wie vill Lüüt hend…") becomes Standard German ("wie viel leute haben…") before it is read,
// so that canton names ("Züri"), cue phrases and the search all find what they know. The words and
// the spellings are data (locales/<language>/dialect.yaml); no dialect word is a common word of any
// language, so a question without one comes out unchanged.
import { LANGUAGES, type Language } from '../knowledge/schema.js';
import { dialect } from '../locales.js';
import { compoundSplit, fold } from './normalize.js';

const WORDS: ReadonlyMap<string, { language: Language; standard: string }> = new Map(
  LANGUAGES.flatMap((language) => Object.entries(dialect(language).words).map(([word, standard]) => [word, { language, standard }] as const)),
);

const SPELLINGS = Object.fromEntries(
  LANGUAGES.map((language) => [language, dialect(language).spellings.map(([from, to]) => [new RegExp(from, 'u'), to] as const)]),
) as Record<Language, (readonly [RegExp, string])[]>;

/** Whether a folded word is a word of the language (its texts in the base, its common words). */
export type IsWord = (word: string, language: Language) => boolean;

/** A word in capitals is a name or an acronym ("NE-ESO"), whatever it spells. */
const isAcronym = (word: string) => word.length > 1 && word === word.toUpperCase();

const TOKENS = /[\p{L}\p{M}]+/gu;

/** The dialect words of a text (folded), each with its language: they tell the language ("isch": German). */
export function dialectWords(text: string): Map<string, Language> {
  const found = (text.match(TOKENS) ?? []).filter((w) => !isAcronym(w)).map(fold).filter((w) => WORDS.has(w));
  return new Map(found.map((w) => [w, WORDS.get(w)!.language]));
}

/** The shortest word whose dialect spelling is looked for: shorter ones are too often something else. */
const SPELT_LENGTH = 4;

/**
 * A word's standard spelling by one or two of the dialect's spellings ("bildig" → "bildung",
 * "uslandischi" → "auslandische"): the first that gives a word of the language, or a compound of two.
 */
function respelt(word: string, language: Language, isWord: IsWord): string | undefined {
  const accepted = (w: string) => isWord(w, language) || compoundSplit(w, (part) => isWord(part, language)) !== undefined;
  const once = (w: string) => SPELLINGS[language].map(([from, to]) => w.replace(from, to)).filter((c) => c !== w);
  const first = once(word);
  return first.find(accepted) ?? first.flatMap(once).find(accepted);
}

/**
 * The text with each dialect word in its standard form (capitalised as typed), and the language of
 * those words; undefined when it has none. In a text with dialect words, the other words the
 * language does not have are respelt by the dialect's spellings.
 */
export function inStandardForm(text: string, isWord: IsWord): { text: string; language: Language } | undefined {
  const found = dialectWords(text).values().next().value;
  if (!found) return undefined;
  const standard = text.replace(TOKENS, (word) => {
    if (isAcronym(word)) return word;
    const folded = fold(word);
    const replaced = WORDS.get(folded)?.standard ?? (folded.length >= SPELT_LENGTH && !isWord(folded, found) ? respelt(folded, found, isWord) : undefined);
    if (!replaced) return word;
    return word[0] === word[0]!.toLowerCase() ? replaced : replaced[0]!.toUpperCase() + replaced.slice(1);
  });
  return { text: standard, language: found };
}

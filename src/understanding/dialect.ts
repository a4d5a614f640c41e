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

/** Whether a folded word is a word of the language (its texts in the base, its everyday words). */
export type IsWord = (word: string, language: Language) => boolean;

/** The language whose dialect has the folded word ("isch": German), if any: the word tells the language. */
export function dialectLanguage(word: string): Language | undefined {
  return WORDS.get(word)?.language;
}

/** A word in capitals is a name or an acronym ("NE-ESO"), whatever it spells. */
const isAcronym = (word: string) => word.length > 1 && word === word.toUpperCase();

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
  const tokens = /[\p{L}\p{M}]+/gu;
  const language = text.match(tokens)?.find((w) => !isAcronym(w) && WORDS.has(fold(w))) ?? undefined;
  const found = language ? WORDS.get(fold(language))!.language : undefined;
  if (!found) return undefined;
  const standard = text.replace(tokens, (word) => {
    if (isAcronym(word)) return word;
    const folded = fold(word);
    const replaced = WORDS.get(folded)?.standard ?? (folded.length >= SPELT_LENGTH && !isWord(folded, found) ? respelt(folded, found, isWord) : undefined);
    if (!replaced) return word;
    return word[0] === word[0]!.toLowerCase() ? replaced : replaced[0]!.toUpperCase() + replaced.slice(1);
  });
  return { text: standard, language: found };
}

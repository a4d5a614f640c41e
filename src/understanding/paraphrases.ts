// Everyday phrases read in the documents' words: "who foots the bill" is read "who finances", "was
// bringt die IIZ" as "Nutzen der IIZ", so that the cue phrases and the search find what the base
// writes. The phrases are data (locales/<language>/paraphrases.yaml), runs of whole words of the
// question's language; a question without one comes out unchanged.
import { LANGUAGES, type Language } from '../knowledge/schema.js';
import { paraphrases } from '../locales.js';
import { fold } from './normalize.js';

/** A word as phrases are written: letters and digits; apostrophes and hyphens stand between words. */
const TOKEN = /[\p{L}\p{M}0-9]+/gu;

interface Paraphrase {
  words: string[];
  says: string;
}

/** Each language's phrases by their first word, the longest first (the longest phrase that fits wins). */
const BY_FIRST_WORD = Object.fromEntries(
  LANGUAGES.map((language) => {
    const index = new Map<string, Paraphrase[]>();
    for (const [phrase, says] of Object.entries(paraphrases(language))) {
      const words = phrase.split(/[ '-]+/);
      index.set(words[0]!, [...(index.get(words[0]!) ?? []), { words, says }]);
    }
    for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
    return [language, index];
  }),
) as Record<Language, Map<string, Paraphrase[]>>;

/** The text with each everyday phrase of the language in the documents' words. */
export function inDocumentsWords(text: string, language: Language): string {
  const index = BY_FIRST_WORD[language];
  if (index.size === 0) return text;
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) }));
  let result = '';
  let copied = 0;
  for (let i = 0; i < tokens.length; i++) {
    const found = index.get(tokens[i]!.folded)?.find((p) => p.words.every((w, k) => tokens[i + k]?.folded === w));
    if (!found) continue;
    const last = tokens[i + found.words.length - 1]!;
    result += text.slice(copied, tokens[i]!.start) + found.says;
    copied = last.end;
    i += found.words.length - 1;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

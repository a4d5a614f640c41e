// Folding that every matcher shares: lower case, no accents, apostrophes and punctuation as spaces,
// so that "Zürich", "zurich" and "ZURICH" meet, and "l'MMT" yields "mmt".

/** A letter beyond ASCII, which may carry an accent or be "ß". */
const NON_ASCII = /[^\x00-\x7f]/;

export function fold(text: string): string {
  // Plain ASCII has no accents to take off: lower case is all.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    // After NFD every accent is a combining mark; spacing ones (´ ` ^) are punctuation to words().
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** A year as a word of a question or a text ("2022"). */
export const YEAR = /^(19|20)\d\d$/;

/** Two years joined by a dash: a period ("2009-2013"). */
const YEAR_SPAN = /\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b/g;

/** The periods a text names, each as its first and last year. */
export function yearSpans(text: string): [number, number][] {
  return [...text.matchAll(YEAR_SPAN)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Folded words of a text, keeping digits and in-word hyphens ("b-1", "bale-campagne"). */
export function words(text: string): string[] {
  return fold(text)
    .replace(/[’'`´]/g, ' ')
    .split(/[^a-z0-9-]+/)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
}

/** Joins the forms of one word of a question that a passage may hold either of ("oadi|oaci"). */
export const ALTERNATIVE = '|';

/** The shortest part of a compound that is looked for on its own. */
export const COMPOUND_PART = 4;

/**
 * A compound as two words that `known` accepts ("platzzahlen": "platz", "zahlen";
 * "eingliederungsservice": "eingliederung", "service"), the German linking "s" aside; undefined
 * when no split gives two known words.
 */
export function compoundSplit(word: string, known: (part: string) => boolean): [string, string] | undefined {
  for (let i = COMPOUND_PART; i <= word.length - COMPOUND_PART; i++) {
    const head = word.slice(i);
    for (const modifier of [word.slice(0, i), ...(word[i - 1] === 's' ? [word.slice(0, i - 1)] : [])]) {
      if (modifier.length >= COMPOUND_PART && known(modifier) && known(head)) return [modifier, head];
    }
  }
  return undefined;
}

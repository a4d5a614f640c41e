// Function words of the four languages, left out of the index: the stopword package's lists, with
// the words they lack and less those the search keeps ("ai", "seit", "since"), both in
// locales/<language>/cues.yaml (stopwords.extra, stopwords.keep).
import { deu, eng, fra, ita } from 'stopword';
import { allCues } from '../locales.js';
import { fold } from '../understanding/normalize.js';

const KEEP = new Set(allCues('stopwords.keep'));

/** Function words the lists lack. */
const MISSING = allCues('stopwords.extra');

/** German words as written without umlauts ("für" as "fuer"), as keyboards without them do. */
const transliterated = deu.filter((w) => /[äöü]/.test(w)).map((w) => w.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));

export const STOPWORDS: ReadonlySet<string> = new Set(
  [...fra, ...deu, ...transliterated, ...ita, ...eng, ...MISSING].map(fold).filter((w) => !KEEP.has(w)),
);

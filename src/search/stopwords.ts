// Function words of the four languages, left out of the index. "ai" stays searchable: in these
// sources it is the disability insurance far more often than an Italian preposition; "seit" and
// "since" too, since they carry the answer to "since when".
import { deu, eng, fra, ita } from 'stopword';
import { fold } from '../understanding/normalize.js';

const KEEP = new Set(['ai', 'seit', 'since']);

/** Function words the lists lack. */
const MISSING = ['does', 'doing', 'its', 'whose', 'whom', 'combien', 'comment', 'quoi', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'dont', 'chez', 'selon', 'entre', 'aupres', 'quali', 'cosa', 'fra', 'ogni', 'presso'];

export const STOPWORDS: ReadonlySet<string> = new Set(
  [...fra, ...deu, ...ita, ...eng, ...MISSING].map(fold).filter((w) => !KEEP.has(w)),
);

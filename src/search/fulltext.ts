// Full-text search over every passage of the base, behind the structured look-ups: accents folded,
// French, German, Italian and English stems, typo tolerance, and the institution synonyms.
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import MiniSearch from 'minisearch';
import type { Passage } from '../knowledge/passages.js';
import { LANGUAGES } from '../knowledge/schema.js';
import { fold } from '../understanding/normalize.js';
import { STOPWORDS } from './stopwords.js';

const STEMMERS = [french, german, italian, english];

/** Every stem the word may have in one of the four languages: the query's language is not the text's. */
export function stems(word: string): string[] {
  const folded = fold(word);
  if (folded.length < 2 || STOPWORDS.has(folded)) return [];
  return [...new Set(STEMMERS.map((s) => s(folded)).filter((s) => s.length >= 2))];
}

export interface SearchHit {
  passage: Passage;
  score: number;
}

export class FullTextIndex {
  private readonly index: MiniSearch<{ id: string; heading: string; body: string }>;
  private readonly byId: Map<string, Passage>;

  constructor(passages: Passage[]) {
    this.byId = new Map(passages.map((p) => [p.id, p]));
    this.index = new MiniSearch({
      fields: ['heading', 'body'],
      processTerm: (term) => stems(term),
      searchOptions: {
        boost: { heading: 2 },
        prefix: (term) => term.length >= 5,
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        combineWith: 'OR',
      },
    });
    this.index.addAll(
      passages.map((p) => ({
        id: p.id,
        heading: LANGUAGES.map((l) => p.heading[l]).join(' \n '),
        body: LANGUAGES.map((l) => p.text[l] ?? '').join(' \n '),
      })),
    );
  }

  search(query: string, limit = 5, filter?: (p: Passage) => boolean): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const r of this.index.search(query)) {
      const passage = this.byId.get(r.id as string)!;
      if (filter && !filter(passage)) continue;
      hits.push({ passage, score: r.score });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** How many of the query's stems a passage's text contains: the share that grounds a confidence. */
  coverage(query: string, passage: Passage): number {
    const wanted = new Set(query.split(/\s+/).flatMap((w) => stems(w).slice(0, 1)));
    if (wanted.size === 0) return 0;
    const have = new Set(
      LANGUAGES.flatMap((l) => `${passage.heading[l]} ${passage.text[l] ?? ''}`.split(/[^\p{L}\p{N}]+/u)).flatMap(stems),
    );
    let found = 0;
    for (const w of wanted) if (have.has(w)) found++;
    return found / wanted.size;
  }
}

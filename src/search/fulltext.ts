// Full-text search over every passage of the base, behind the structured look-ups: accents folded,
// French, German, Italian and English stems, typo tolerance, and Italian words glossed in French.
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import MiniSearch from 'minisearch';
import type { Passage } from '../knowledge/passages.js';
import { LANGUAGES } from '../knowledge/schema.js';
import { fold, words } from '../understanding/normalize.js';
import { typoDistance } from '../understanding/phrases.js';
import { ITALIAN_GLOSSES } from '../understanding/vocabulary.js';
import { STOPWORDS } from './stopwords.js';

const STEMMERS = [french, german, italian, english];

/** Every stem the word may have in one of the four languages: the query's language is not the text's. */
export function stems(word: string): string[] {
  const folded = fold(word);
  if (folded.length < 2 || STOPWORDS.has(folded)) return [];
  return [...new Set(STEMMERS.map((s) => s(folded)).filter((s) => s.length >= 2))];
}

const GLOSSED = Object.keys(ITALIAN_GLOSSES);

/**
 * The forms of a word to look for: itself; "ue/ae/oe" read as umlauts ("Verguetung"); and the
 * French gloss of an Italian word the base has no text for, typos allowed ("cordinatori").
 */
function withGloss(word: string): string[] {
  const forms = [word];
  const umlauts = word.replace(/ue/g, 'u').replace(/ae/g, 'a').replace(/oe/g, 'o');
  if (umlauts !== word) forms.push(umlauts);
  const key = ITALIAN_GLOSSES[word] ? word : word.length >= 6 ? GLOSSED.find((g) => typoDistance(g, word) <= 1) : undefined;
  if (key) forms.push(...words(ITALIAN_GLOSSES[key]!));
  return forms;
}

/** A misspelt long stem ("managment") still counts when one close to it is there. */
function nearIn(stem: string, have: Iterable<string>): boolean {
  if (stem.length < 6) return false;
  const allowed = stem.length >= 9 ? 2 : 1;
  for (const s of have) if (Math.abs(s.length - stem.length) <= allowed && typoDistance(s, stem) <= allowed) return true;
  return false;
}

export interface SearchHit {
  passage: Passage;
  score: number;
}

function passageText(p: Passage): string {
  return LANGUAGES.map((l) => `${p.heading[l]} ${p.text[l] ?? ''}`).join(' ');
}

export class FullTextIndex {
  private readonly index: MiniSearch<{ id: string; heading: string; body: string }>;
  private readonly byId: Map<string, Passage>;
  /** Every stem of the base, to tell a word the base has never heard of. */
  private readonly vocabulary = new Set<string>();
  private readonly passageStems = new Map<string, Set<string>>();
  /** In how many passages each stem occurs: rare words weigh more in a coverage. */
  private readonly documentFrequency = new Map<string, number>();

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
    for (const p of passages) {
      const own = new Set(words(passageText(p).replace(/-/g, ' ')).flatMap(stems));
      this.passageStems.set(p.id, own);
      for (const stem of own) {
        this.vocabulary.add(stem);
        this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
      }
    }
  }

  search(queryWords: string[], limit = 5, filter?: (p: Passage) => boolean): SearchHit[] {
    const query = queryWords.flatMap(withGloss).join(' ');
    const hits: SearchHit[] = [];
    for (const r of this.index.search(query)) {
      const passage = this.byId.get(r.id as string)!;
      if (filter && !filter(passage)) continue;
      hits.push({ passage, score: r.score });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** Whether the base has the word (or its Italian gloss), with a typo allowed on long words. */
  knows(word: string): boolean {
    const forms = withGloss(word).flatMap(stems);
    return forms.some((s) => this.vocabulary.has(s)) || forms.some((s) => nearIn(s, this.vocabulary));
  }

  /**
   * How rare a word is in the base: a word in few passages ("MAMAC") says more than one in many
   * ("neue"); a word the base does not know at all weighs most, since no passage can hold it.
   */
  weight(word: string): number {
    const n = this.passageStems.size;
    const frequencies = withGloss(word).flatMap(stems).map((s) => this.documentFrequency.get(s) ?? 0).filter((f) => f > 0);
    const df = frequencies.length > 0 ? Math.min(...frequencies) : 0;
    return Math.log((n + 1) / (df + 1));
  }

  /** The share of the words that a passage contains (by any stem or gloss), rare words weighing more. */
  coverage(queryWords: string[], passage: Passage): number {
    if (queryWords.length === 0) return 0;
    const have = this.passageStems.get(passage.id)!;
    let found = 0;
    let total = 0;
    for (const w of queryWords) {
      const weight = this.weight(w);
      const isThere = withGloss(w).some((g) => stems(g).some((s) => have.has(s) || nearIn(s, have)));
      total += weight;
      if (isThere) found += weight;
    }
    return total > 0 ? found / total : 0;
  }
}

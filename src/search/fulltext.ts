// Full-text search over every passage of the base, behind the structured look-ups: accents folded,
// French, German, Italian and English stems, typo tolerance, and Italian words glossed in French.
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { distance } from 'fastest-levenshtein';
import MiniSearch from 'minisearch';
import type { Codec, DerivedCache } from '../knowledge/cache.js';
import type { Passage } from '../knowledge/passages.js';
import { LANGUAGES, type Language } from '../knowledge/schema.js';
import { ALTERNATIVE, compoundSplit, fold, words } from '../understanding/normalize.js';
import { typoDistance } from '../understanding/phrases.js';
import { ITALIAN_GLOSSES } from '../understanding/italian.js';
import { inDocumentsWords } from '../understanding/paraphrases.js';
import { ADVERB_ENDINGS, ENDING_GROUPS, SYNONYM_GROUPS } from '../understanding/vocabulary.js';
import { EVERYDAY_OF, EVERYDAY_WORDS, isCommonWord } from './everyday.js';
import { STOPWORDS } from './stopwords.js';
import { remember } from '../memo.js';
import { cues } from '../locales.js';
import { NO_MATCHES, StemMatches, type TermMatches } from './stem-matches.js';

/**
 * Words are stemmed folded ("organisée" as "organisee"), where the French stemmer no longer sees a
 * feminine participle: its "-ee(s)" is read as the "-e(s)" it then stems like the masculine
 * ("organisee", "organise" and "organisation" all give "organis").
 */
const frenchFolded = (word: string) => french(word.replace(/e(es?)$/, '$1'));
/**
 * German nouns taken from Latin make their plural in "-en" ("Stipendium", "Stipendien"; "Zentrum",
 * "Zentren"), which the stemmer removes while it keeps the singular's "-um": both are stemmed without it.
 */
const germanLatin = (word: string) => german(word.replace(/(?<=[ie]|tr)um$/, ''));
/** A family whose stem would be another's ("collaboratori", "collaborazione") has its own, its first word. */
const ownStems = cues('stem.own');
const own = (language: Language, stemmer: (word: string) => string) => {
  const family = ownStems[language];
  return family.length === 0 ? stemmer : (word: string) => (family.includes(word) ? family[0]! : stemmer(word));
};
const STEMMER_OF: Record<Language, (word: string) => string> = { fr: own('fr', frenchFolded), de: own('de', germanLatin), it: own('it', italian), en: own('en', english) };
const STEMMERS = Object.values(STEMMER_OF);

/** Searches whose results are kept: the last few questions' (each result lists every passage found). */
const SEARCHES_KEPT = 16;
/** Stems the base lacks whose matches are kept (a few thousand cover the words questions use). */
const TERMS_KEPT = 4_000;
/** The shortest stem the base lacks that is looked for by the longer stems it begins. */
const PREFIX_LEAST = 5;

const queryStemCache = new Map<string, string[]>();

/** The longest word kept as it is, unstemmed. */
const SHORT_WORD = 3;

/** Every stem the word may have in one of the four languages: the query's language is not the text's. */
export function stems(word: string): string[] {
  const cached = queryStemCache.get(word);
  if (cached) return cached;
  const folded = fold(word);
  // A word of three letters is an abbreviation or a root: looked for whole and by the stems that keep
  // its length ("pay": "pai", as the index holds it), never by one a letter shorter ("ace" is no "ac").
  const short = folded.length <= SHORT_WORD;
  const all = folded.length < 2 || STOPWORDS.has(folded) ? [] : [...new Set([...(short ? [folded] : []), ...STEMMERS.map((s) => s(folded)).filter((s) => s.length >= (short ? folded.length : 2))])];
  return remember(queryStemCache, word, all);
}

const GLOSSED = [...ITALIAN_GLOSSES.keys()];

/** Each language's everyday words' stems, by its own stemmer, built when a word the base lacks is first weighed. */
let everydayStems: Record<Language, Set<string>> | undefined;
/** Every language's everyday words in order, to find those a word begins (built with the stems). */
let everydaySorted: string[] | undefined;
/** The longest ending an inflection adds ("-et", "-ent", "-ing"), and the least of a word left before it. */
const INFLECTION = 3;
const EVERYDAY_HEAD = 5;

/** An everyday word of a language in any of its forms ("antworten" as "antwort"), by that language's stemmer or its beginning. */
function everyday(word: string): boolean {
  if (EVERYDAY_WORDS.has(word)) return true;
  everydayStems ??= Object.fromEntries(LANGUAGES.map((l) => [l, new Set(EVERYDAY_OF[l].map((w) => STEMMER_OF[l](w)))])) as Record<Language, Set<string>>;
  everydaySorted ??= [...EVERYDAY_WORDS].sort();
  if (LANGUAGES.some((l) => everydayStems![l].has(STEMMER_OF[l](word)))) return true;
  // An inflection the stemmer keeps ("antwortet" beside "antworten"): the word less its ending begins an everyday word.
  if (word.length < EVERYDAY_HEAD + INFLECTION) return false;
  const head = word.slice(0, -INFLECTION);
  return everydaySorted[sortedIndex(everydaySorted, head)]?.startsWith(head) ?? false;
}

/** The place of the first string not before `value` in a sorted list. */
function sortedIndex(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const SYNONYMS = new Map(SYNONYM_GROUPS.flatMap((group) => group.map((w) => [w, group] as const)));

/**
 * The forms of a word to look for: itself; "ue/ae/oe" read as umlauts ("Verguetung"); a German
 * participle without its "ge"; and the French gloss of an Italian word (the base has almost no
 * Italian text).
 */
const glossCache = new Map<string, string[]>();

function withGloss(word: string): string[] {
  const cached = glossCache.get(word);
  if (cached) return cached;
  const forms = [word];
  const umlauts = word.replace(/ue/g, 'u').replace(/ae/g, 'a').replace(/oe/g, 'o');
  if (umlauts !== word) forms.push(umlauts);
  // A German past participle meets its verb's other forms: "geliefert" → "liefert" ("lieferten").
  if (/^ge[a-z]{4,}(t|en)$/.test(word)) forms.push(word.slice(2));
  const gloss = ITALIAN_GLOSSES.get(word);
  if (gloss) forms.push(...words(gloss));
  const synonyms = SYNONYMS.get(word);
  if (synonyms) forms.push(...synonyms.filter((w) => w !== word));
  for (const group of ENDING_GROUPS) {
    const ending = group.find((e) => word.endsWith(e));
    if (ending) forms.push(...group.filter((e) => e !== ending).map((e) => word.slice(0, -ending.length) + e));
  }
  return remember(glossCache, word, forms);
}

/** German verb endings that the stemmer does not remove ("-t", "-te", "-ten", "-tet", "-st"), after a stem of four letters or more. */
const VERB_ENDING = /^([a-z]{4,}?)(?:t|te|ten|tet|st)$/;

/** How many typos a misspelt long stem ("managment") may carry and still count: none under six letters. */
function typosAllowed(stem: string): number {
  if (stem.length < 6) return 0;
  return stem.length >= 9 ? MAX_TYPOS : 1;
}

/** The most typos a word is read with: a wider search costs more than it finds. */
const MAX_TYPOS = 2;
/** What a stem found through a typo weighs against the stem itself (MiniSearch's default for its own typo search). */
const TYPO_WEIGHT = 0.45;
/** The share of a searched stem's letters that may be typos. */
const TYPO_SHARE = 0.2;

/** Stems of the words of a text in a known language, cached per language: the index needs only those. */
const stemCache = Object.fromEntries(LANGUAGES.map((l) => [l, new Map<string, string>()])) as Record<Language, Map<string, string>>;

function stemIn(language: Language, folded: string): string {
  const cache = stemCache[language];
  let stem = cache.get(folded);
  if (stem === undefined) {
    stem = folded.length < 2 || STOPWORDS.has(folded) ? '' : STEMMER_OF[language](folded);
    if (stem.length < 2) stem = '';
    cache.set(folded, stem);
  }
  return stem;
}

/**
 * How much more a word that names an answer's subject (a canton's topic, an institution, a
 * passage's title) counts than a word the answer must hold: the subject is the question's firmest
 * evidence, and a verb the sources never use ("sits") must not outweigh it, while two foreign nouns
 * do ("driving licence").
 */
export const NAMED_WEIGHT = 3;

/** A passage's heading and other names, stemmed: what names it. */
function nameStems(p: Passage): string[] {
  return [...textStems(p.heading), ...(p.aliases ? textStems({ fr: p.aliases.join(' ') }) : [])];
}

/** A German pair of compounds sharing their head, the first written with a hyphen ("Daten- und Informationsaustausch"). */
const ELIDED = /(\p{L}{3,})-\s+(?:und|oder|bzw\.?|sowie)\s+(\p{L}{6,})/gu;

/** The compounds a German text writes short ("Daten- und Informationsaustausch": "datenaustausch"), as folded words. */
export function elidedCompounds(text: string, known: (word: string) => boolean): string[] {
  return [...text.matchAll(ELIDED)].flatMap((m) => {
    const head = compoundSplit(fold(m[2]!), known)?.[1];
    return head ? [`${fold(m[1]!)}${head}`] : [];
  });
}

/**
 * German nouns long enough to be compounds; a capital tells a noun from a verb with a prefix
 * ("unterstützt" is not "unter" + "stützt").
 */
const GERMAN_COMPOUND = /\p{Lu}\p{Ll}{9,}/gu;
const OTHER_THAN_GERMAN = LANGUAGES.filter((l) => l !== 'de');
/** The least a compound's first part and its head have, when only the head is known. */
const COMPOUND_MODIFIER = 4;
/** The most an everyday word weighs (set on the training questions: 3 gains most right, 4 answers fewer questions out of scope). */
const EVERYDAY_MOST = 4;
/** The shortest word read as a compound of two words when a passage holds them apart. */
const COMPOUND_LEAST = 10;
/** The least weight of a compound's first part for a passage holding both parts apart to hold it (set on the training questions: 2 to 2.5 gain most). */
const TELLING_MODIFIER = 2;
const COMPOUND_HEAD = 5;

/**
 * A compound as two known words ("Platzzahlen"), or else as the longest known head ("Exekutivbeschluss":
 * "beschluss"); none when neither is found. German compounds end in what they name.
 */
function compoundParts(word: string, known: (word: string) => boolean): string[] {
  // A word of another language is no German compound ("campionato" is no "campio" + "nato").
  if (OTHER_THAN_GERMAN.some((l) => isCommonWord(word, l))) return [];
  const split = compoundSplit(word, known);
  if (split) return split;
  for (let i = COMPOUND_MODIFIER; i <= word.length - COMPOUND_HEAD; i++) {
    const head = word.slice(i);
    if (known(head)) return [head];
    // The longest German word it ends in is its head, even one the base lacks: "Altersklasse" is no "lasse".
    if (isCommonWord(head, 'de')) return [];
  }
  return [];
}

/** The parts of a German text's compound nouns, as other words of the text ("Regierungsratsbeschluss": "regierungsrats", "beschluss"). */
export function compoundPartsOf(text: string, known: (word: string) => boolean): string[] {
  return (text.match(GERMAN_COMPOUND) ?? []).flatMap((w) => compoundParts(fold(w), known));
}

/**
 * Each language's abbreviations that are also its function words (Italian "ai", French "as"), in
 * any case but capitals: "ai beneficiari" is no disability insurance.
 */
const capitalsOnly = cues('institution.capitalsOnly');
const NOT_IN_CAPITALS = Object.fromEntries(
  LANGUAGES.map((l) => [
    l,
    capitalsOnly[l].length > 0
      ? new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${capitalsOnly[l].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).join('|')})(?![\p{L}\p{N}])`, 'gu')
      : undefined,
  ]),
) as Record<Language, RegExp | undefined>;

/**
 * Each language's text stemmed in that language only, so the index holds one stem per word. The
 * short abbreviations count in capitals only, as in a question (query.ts).
 */
export function textStems(text: Partial<Record<Language, string>>): string[] {
  const out: string[] = [];
  for (const l of LANGUAGES) {
    const value = text[l];
    if (!value) continue;
    const abbreviations = NOT_IN_CAPITALS[l];
    for (const w of words((abbreviations ? value.replace(abbreviations, ' ') : value).replace(/-/g, ' '))) {
      const stem = stemIn(l, w);
      if (stem) out.push(stem);
    }
  }
  return out;
}

/** The built index for the cache: each stem's matches; each passage's stems follow from them. */
const CODEC: Codec<StemMatches> = { encode: (matches) => matches.encode(), decode: (data) => StemMatches.decode(data) };

export interface SearchHit {
  passage: Passage;
  score: number;
}

type Field = 'heading' | 'body' | 'context' | 'questions';

/** The least an institution or a glossary term named in a question weighs (about a content word's usual weight). */
const NAMED_FLOOR = 2.5;

/** How much each field counts in a search: headings most, how people ask next, the document's title least. */
export const FIELD_BOOSTS: Record<Exclude<Field, 'body'>, number> = { heading: 2, questions: 1, context: 0.5 };

/** Stems a passage or a text holds. */
interface Stems {
  has(stem: string): boolean;
}

export class FullTextIndex {
  /** Each stem's passages and scores. */
  private readonly stems: StemMatches;
  private readonly byId: Map<string, Passage>;
  /** The passages in the base's order, and each one's place in it. */
  private readonly passages: Passage[];
  private readonly placeOf: Map<string, number>;
  /** The base's stems by first letter and by second letter, each by length, where typos are looked for (grouped when first needed). */
  private byLetter?: Record<'first' | 'second', Map<string, string[][]>>;
  /** The last searches' results, all passages scored: a question searches its words several times, under other filters. */
  private readonly results = new Map<string, TermMatches>();
  /** Each passage's sum and count of stems while a search adds them up, zero between searches (allocated once). */
  private readonly sums: Float64Array;
  private readonly held: Uint16Array;
  /** The matches of stems the base lacks, the most recent TERMS_KEPT. */
  private readonly termMatches = new Map<string, TermMatches>();
  /** Per-word answers about the base, which never changes once built. */
  private readonly weights = new Map<string, number>();
  private readonly known = new Map<string, boolean>();
  private readonly forms = new Map<string, string[]>();
  private readonly stemsByWord = new Map<string, string[]>();
  private readonly partsByWord = new Map<string, string[][] | null>();
  private readonly misspellings = new Map<string, string[]>();
  /** Each passage's name stems, stemmed when its heading is first asked about. */
  private readonly headingStems = new WeakMap<Passage, Set<string>>();

  constructor(passages: Passage[], cache?: DerivedCache) {
    this.byId = new Map(passages.map((p) => [p.id, p]));
    this.passages = passages;
    this.placeOf = new Map(passages.map((p, i) => [p.id, i]));
    this.sums = new Float64Array(passages.length);
    this.held = new Uint16Array(passages.length);
    const build = () => FullTextIndex.build(passages);
    this.stems = cache ? cache.get('index', build, CODEC) : build();
  }

  private stemsByLetter(): Record<'first' | 'second', Map<string, string[][]>> {
    if (this.byLetter) return this.byLetter;
    const first = new Map<string, string[][]>();
    const second = new Map<string, string[][]>();
    const add = (byLetter: Map<string, string[][]>, letter: string, stem: string) => {
      let byLength = byLetter.get(letter);
      if (!byLength) byLetter.set(letter, (byLength = []));
      (byLength[stem.length] ??= []).push(stem);
    };
    for (const stem of this.stems.stems) {
      add(first, stem[0]!, stem);
      add(second, stem[1] ?? '', stem);
    }
    return (this.byLetter = { first, second });
  }

  /** MiniSearch indexes the passages' stems by field, and scores each stem of the base once. */
  private static build(passages: Passage[]): StemMatches {
    const german = new Set(passages.flatMap((p) => words(p.text.de ?? '')));
    const knownInGerman = (w: string) => german.has(w);
    const tokens = new Map(
      passages.map((p) => [
        p.id,
        {
          // Other names count as the heading; errata notes as context ("2010 or 2011?" finds the dates they reconcile).
          heading: nameStems(p),
          body: [...textStems(p.text), ...textStems({ de: [...elidedCompounds(p.text.de ?? '', knownInGerman), ...compoundPartsOf(p.text.de ?? '', knownInGerman)].join(' ') })],
          context: [...(p.context ? textStems(p.context) : []), ...p.errata.flatMap((e) => textStems(e.note))],
          // Asked as users ask them, read as users' questions are: everyday phrases in the documents' words.
          questions: p.questions ? textStems(Object.fromEntries(Object.entries(p.questions).map(([l, qs]) => [l, qs.map((q) => inDocumentsWords(q, l as Language)).join(' ')]))) : [],
        },
      ]),
    );
    const index = new MiniSearch<{ id: string }>({
      fields: ['heading', 'body', 'context', 'questions'],
      // The fields are stems already, and each search is of one stem, looked for as it is.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      extractField: (document, field) => (field === 'id' ? document.id : tokens.get(document.id)![field as Field].join(' ')),
      searchOptions: { boost: FIELD_BOOSTS, tokenize: (text) => [text] },
    });
    index.addAll(passages.map((p) => ({ id: p.id })));
    // A passage holds the stems of all its fields: its words and the ways it is asked for.
    const told = new Set([...tokens.values()].flatMap((t) => [...t.heading, ...t.body, ...t.context]));
    const stems = new Set([...told, ...[...tokens.values()].flatMap((t) => t.questions)]);
    return StemMatches.scored(index, stems, passages.map((p) => p.id), told);
  }

  /** The best passages for the words; `exact` leaves out prefixes and typos (faster, for filters that need every word). */
  search(queryWords: string[], limit = 5, filter?: (p: Passage) => boolean, exact = false): SearchHit[] {
    const query = queryWords.flatMap((w) => this.formsOf(w)).join(' ');
    const key = `${exact ? 'exact' : 'wide'}\u0000${query}`;
    let results = this.results.get(key);
    if (!results) {
      results = this.combined(words(query).flatMap(stems), exact);
      if (this.results.size >= SEARCHES_KEPT) this.results.delete(this.results.keys().next().value!);
      this.results.set(key, results);
    }
    const hits: SearchHit[] = [];
    for (let i = 0; i < results.places.length; i++) {
      const passage = this.passages[results.places[i]!]!;
      if (filter && !filter(passage)) continue;
      hits.push({ passage, score: results.scores[i]! });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * MiniSearch's OR search over the stems, one stem at a time: a passage scores the sum of its
   * stems' scores times the number of distinct stems it holds, as MiniSearch scores the whole query.
   * Each stem's matches are kept, since the same stems come back question after question and
   * searching a stem (its prefixes and typos above all) is most of what a question costs.
   */
  private combined(terms: string[], exact: boolean): TermMatches {
    const { sums, held } = this;
    const touched: number[] = [];
    const counted = new Set<string>();
    for (const term of terms) {
      const { places, scores } = this.matchesOf(term, exact);
      // A stem asked twice adds its score twice but counts once, as in MiniSearch.
      const first = !counted.has(term);
      counted.add(term);
      for (let i = 0; i < places.length; i++) {
        const place = places[i]!;
        if (held[place] === 0) touched.push(place);
        sums[place] = sums[place]! + scores[i]!;
        if (first) held[place] = held[place]! + 1;
      }
    }
    for (const place of touched) sums[place] = sums[place]! * held[place]!;
    // Equal scores keep the base's order (a row shared by two cantons: the first canton's). Typed
    // arrays rather than an object per passage: kept results cost the garbage collector nothing to move.
    // The comparison answers -1, 0 or 1: a difference of scores would be a number allocated per comparison.
    const places = new Int32Array(touched).sort((a, b) => (sums[a]! > sums[b]! ? -1 : sums[a]! < sums[b]! ? 1 : a - b));
    const scores = new Float64Array(places.length);
    places.forEach((place, i) => (scores[i] = sums[place]!));
    for (const place of touched) sums[place] = held[place] = 0;
    return { places, scores };
  }

  /**
   * One stem's passages (their places in the base) and scores. A stem the base lacks is looked for,
   * unless `exact`, by the longer stems it begins (from five letters: "koordinat" need not stand for
   * every longer stem) and by its typos (`typosOf`); a stem the base has is itself.
   */
  private matchesOf(term: string, exact: boolean): TermMatches {
    if (this.stems.has(term)) return this.stems.exact(term);
    if (exact) return NO_MATCHES;
    const cached = this.termMatches.get(term);
    if (cached) return cached;
    const scores = new Map<number, number>();
    if (term.length >= PREFIX_LEAST) this.stems.prefixed(term, scores);
    for (const [near, weight] of this.typosOf(term)) this.stems.add(near, weight, scores);
    const matches = { places: Int32Array.from(scores.keys()), scores: Float64Array.from(scores.values()) };
    if (this.termMatches.size >= TERMS_KEPT) this.termMatches.delete(this.termMatches.keys().next().value!);
    this.termMatches.set(term, matches);
    return matches;
  }

  /**
   * The stems of the base within `allowed` typos of a stem it lacks, each with its distance: those
   * with the same first letter, which typos seldom touch (checking it first keeps this cheap), and
   * with `firstToo` those that differ by their first letter only ("Kontrolle", "controle").
   */
  private near(stem: string, allowed: number, firstToo = false): [string, number][] {
    if (allowed === 0 || this.stems.has(stem)) return [];
    // Only stems within `allowed` letters of its length can be, each group in the base's (alphabetical) order.
    const within = (byLength: string[][] | undefined, differs: boolean) => {
      const found: [string, number][] = [];
      for (let n = Math.max(0, stem.length - allowed); n <= stem.length + allowed; n++) {
        for (const s of byLength?.[n] ?? []) {
          if (differs && s[0] === stem[0]) continue;
          const d = distance(s, stem);
          if (d <= allowed) found.push([s, d]);
        }
      }
      return found.sort(([a], [b]) => (a < b ? -1 : 1));
    };
    const byLetter = this.stemsByLetter();
    const out = within(byLetter.first.get(stem[0]!), false);
    return firstToo ? [...out, ...within(byLetter.second.get(stem[1] ?? ''), true)] : out;
  }

  /**
   * The stems a search also looks for in place of a stem the base lacks, with the weight MiniSearch
   * gives a typo: within a fifth of its letters (two at most), and not those it begins (a prefix counts as one).
   */
  private typosOf(term: string): [string, number][] {
    if (term.length < 5) return [];
    return this.near(term, Math.min(MAX_TYPOS, Math.round(term.length * TYPO_SHARE)), true)
      .filter(([s]) => !s.startsWith(term))
      .map(([s, d]) => [s, (TYPO_WEIGHT * s.length) / (s.length + d)]);
  }

  /** The stems of the base a stem it lacks may misspell, as the reading allows typos (`typoDistance`), kept. */
  private misspelt(stem: string): string[] {
    const cached = this.misspellings.get(stem);
    if (cached) return cached;
    const allowed = typosAllowed(stem);
    // A swap of two letters is one typo but two edits: the candidates are those within two edits.
    const candidates = allowed === 0 ? [] : this.near(stem, MAX_TYPOS);
    return remember(this.misspellings, stem, candidates.flatMap(([s]) => (typoDistance(s, stem) <= allowed ? [s] : [])));
  }

  /**
   * A word's forms, and for a word the base does not know, the gloss of the Italian word it
   * misspells ("cordinatori"): a known word ("beneficiaries") is no typo.
   */
  private formsOf(word: string): string[] {
    const cached = this.forms.get(word);
    if (cached) return cached;
    const glossed = withGloss(word);
    // A German verb's ending the stemmer keeps ("besucht", "landet"), on a word no other language says
    // ("comment"): the word without it too, when the base's German has that more often than the word ("Besuch").
    const bare = OTHER_THAN_GERMAN.some((l) => isCommonWord(word, l)) ? undefined : VERB_ENDING.exec(word)?.[1];
    const often = (ws: string[]) => Math.max(0, ...ws.flatMap(stems).map((s) => this.stems.count(s)));
    const forms = bare && this.stems.count(STEMMER_OF.de(bare)) > often(glossed) ? [...glossed, bare] : glossed;
    const unknown = word.length >= 6 && !ITALIAN_GLOSSES.has(word) && !forms.flatMap(stems).some((s) => this.stems.has(s));
    const key = unknown ? GLOSSED.find((g) => typoDistance(g, word) <= 1) : undefined;
    if (key) return remember(this.forms, word, [...forms, ...words(ITALIAN_GLOSSES.get(key)!)]);
    // A compound no passage's own text holds is read by its parts too, even where a way of asking has it:
    // "Fallplattform" in one question is no reason to lose the "Plattform" every platform's text holds.
    if (!unknown && (word.length < 6 || forms.flatMap(stems).some((s) => this.stems.told(s)))) return remember(this.forms, word, forms);
    // A compound the base does not have, by its parts it has (typed with umlauts or without: "Verkaufsertraege"),
    // each with its synonyms; a first part's are those of its word without the linking "s" ("Sitzungs-": "Sitzung").
    const parts = compoundParts(word, (w) => withGloss(w).flatMap(stems).some((s) => this.stems.has(s)));
    return remember(this.forms, word, [...forms, ...parts.flatMap((part) => [...withGloss(part), ...(part.endsWith('s') ? withGloss(part.slice(0, -1)).slice(1) : [])])]);
  }

  /**
   * A German compound's two parts, each as the stems to look for, when both are words of the base
   * ("Netzwerkfälle": "netzwerk", "fall"): a passage holding both holds the compound written apart
   * ("Fälle im Netzwerk"). None for a word of another language, a short one, or one whose first part says little.
   */
  private partStems(word: string): string[][] | null {
    const cached = this.partsByWord.get(word);
    if (cached !== undefined) return cached;
    const known = (w: string) => withGloss(w).flatMap(stems).some((s) => this.stems.has(s));
    const split = word.length >= COMPOUND_LEAST && !OTHER_THAN_GERMAN.some((l) => isCommonWord(word, l)) ? compoundSplit(word, known) : undefined;
    // A first part the base writes everywhere ("Sozial-unternehmen") would let any passage hold the compound.
    const telling = split && this.weight(split[0]) >= TELLING_MODIFIER;
    return remember(this.partsByWord, word, telling ? split.map((part) => withGloss(part).flatMap(stems)) : null);
  }

  /** The stems to look for in place of a question's word: those of its forms and its alternatives ("oadi|oaci"). */
  private stemsOf(word: string): string[] {
    const cached = this.stemsByWord.get(word);
    if (cached) return cached;
    return remember(this.stemsByWord, word, [...new Set(word.split(ALTERNATIVE).flatMap((w) => this.formsOf(w)).flatMap(stems))]);
  }

  /** The passage with this id. */
  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** The passage's place in the base's order. */
  positionOf(passage: Passage): number {
    return this.placeOf.get(passage.id) ?? Infinity;
  }

  /** Every passage that the filter keeps, in the base's order. */
  passagesWhere(filter: (p: Passage) => boolean): Passage[] {
    return this.passages.filter(filter);
  }

  /** Whether the base has the word (or its Italian gloss), with a typo allowed on long words. */
  knows(word: string): boolean {
    const known = this.known.get(word);
    if (known !== undefined) return known;
    const forms = this.stemsOf(word);
    return remember(this.known, word, forms.some((s) => this.stems.has(s)) || forms.some((s) => this.misspelt(s).length > 0));
  }

  /** Whether the passage's heading (or another of its names) holds every one of the words. */
  inHeading(queryWords: string[], passage: Passage): boolean {
    let heading = this.headingStems.get(passage);
    if (!heading) this.headingStems.set(passage, (heading = new Set(nameStems(passage))));
    return queryWords.every((w) => this.stemsOf(w).some((s) => heading.has(s)));
  }

  /**
   * How rare a word is in the base: a word in few passages ("MAMAC") says more than one in many
   * ("neue"); a word the base does not know at all weighs most, since no passage can hold it.
   */
  weight(word: string): number {
    const cached = this.weights.get(word);
    if (cached !== undefined) return cached;
    const forms = this.stemsOf(word);
    // A function word is never looked for: it weighs nothing.
    if (forms.length === 0) return remember(this.weights, word, 0);
    // In how many passages any of its stems occurs: the word is there when one of them is.
    const df = forms.length === 1 ? this.stems.count(forms[0]!) : new Set(forms.flatMap((s) => [...this.stems.exact(s).places])).size;
    // An adverb the base never uses ("normalerweise", "usually"), or another everyday word of the
    // language it never uses ("Leute", "trying"), says how the question is put, not what: it weighs nothing,
    // even where a way of asking for a passage has it ("genau", "alles").
    if (!forms.some((s) => this.stems.told(s)) && (ADVERB_ENDINGS.some((e) => word.endsWith(e)) || everyday(word))) return remember(this.weights, word, 0);
    // An everyday word the base writes in few places ("holds", "tourner") is rare in it, not telling:
    // it weighs at most as a word of some twenty passages, or a paraphrase would outweigh the subject.
    const rarity = this.rarity(df);
    return remember(this.weights, word, rarity > EVERYDAY_MOST && everyday(word) ? EVERYDAY_MOST : rarity);
  }

  /** How rare a stem held by `df` passages is: the weight of a word and of a stem alike. */
  private rarity(df: number): number {
    return Math.log((this.passages.length + 1) / (df + 1));
  }

  /**
   * Of the candidates, the passage whose stems are most like the passage's (the cosine of their
   * stems, rare ones weighing more, in every language at once): a long rule sharing many common
   * words is not more alike than a short one sharing the rare ones.
   */
  mostAlike(passage: Passage, candidates: Passage[]): Passage | undefined {
    const weight = (stem: string) => this.rarity(this.stems.count(stem));
    const own = this.stemSet(passage);
    const norm = (stems: Set<string>) => Math.sqrt([...stems].reduce((sum, s) => sum + weight(s) ** 2, 0));
    const ownNorm = norm(own);
    let best: Passage | undefined;
    let bestSimilarity = 0;
    for (const candidate of candidates) {
      const stems = this.stemSet(candidate);
      const shared = [...stems].reduce((sum, s) => (own.has(s) ? sum + weight(s) ** 2 : sum), 0);
      const similarity = shared / (ownNorm * norm(stems) || 1);
      if (similarity > bestSimilarity) [best, bestSimilarity] = [candidate, similarity];
    }
    return best;
  }

  /**
   * The share of the words that a passage contains (by any stem or gloss), rare words weighing more.
   * Without `typos`, misspelt words are not looked for: cheap enough for hundreds of passages.
   */
  coverage(queryWords: string[], passage: Passage, typos = true, named?: Set<string>): number {
    return this.coverageOf(queryWords, [passage], typos, named);
  }

  /** The coverage, and the same with named institutions and terms weighing at least `floor` (one pass over the words). */
  coverageWithFloor(queryWords: string[], passage: Passage, named: Set<string> | undefined, floor = NAMED_FLOOR): [number, number] {
    const [usual, floored] = this.shares(queryWords, [this.holder(passage)], true, named, [NAMED_FLOOR, floor]);
    return [usual!, floored!];
  }

  /**
   * The share of the words that the passages hold between them (an answer made of several); `named`
   * words (those that name the passage, written out in the question) count NAMED_WEIGHT times.
   */
  coverageOf(queryWords: string[], passages: Passage[], typos = true, named?: Set<string>): number {
    return this.share(queryWords, passages.map((p) => this.holder(p)), typos, named);
  }

  /** The share of the words a text holds, as `coverage` counts it for a passage (an answer computed from several). */
  textCoverage(queryWords: string[], text: Partial<Record<Language, string>>): number {
    return this.share(queryWords, [new Set(textStems(text))]);
  }

  /** What a passage holds, for the share of a question it answers. */
  private holder(passage: Passage): Stems {
    const place = this.positionOf(passage);
    return { has: (stem) => this.stems.holds(place, stem) };
  }

  /** The stems of what the passage says (its ways of asking aside: they say how people ask, not what it holds). */
  private stemSet(passage: Passage): Set<string> {
    return new Set(textStems(passage.text));
  }

  private share(queryWords: string[], held: Stems[], typos = true, named?: Set<string>): number {
    return this.shares(queryWords, held, typos, named, [NAMED_FLOOR])[0]!;
  }

  /** The share for each floor (the least a named institution or term weighs). */
  private shares(queryWords: string[], held: Stems[], typos: boolean, named: Set<string> | undefined, floors: number[]): number[] {
    // As in the search, a stem the base has is no typo ("passent" is not "passend" misspelt).
    const holds = (s: string) => held.some((have) => have.has(s) || (typos && !this.stems.has(s) && this.misspelt(s).some((m) => have.has(m))));
    const found = new Float64Array(floors.length);
    const total = new Float64Array(floors.length);
    for (const w of queryWords) {
      const isThere = this.stemsOf(w).some(holds) || this.partStems(w)?.every((part) => part.some(holds)) === true;
      // An institution or a term the question names (its forms joined: "alv|ac") is what it is about: never a minor word.
      const forms = w.indexOf(ALTERNATIVE);
      const times = named?.has(forms < 0 ? w : w.slice(0, forms)) ? NAMED_WEIGHT : 1;
      const weight = this.weight(w);
      for (let k = 0; k < floors.length; k++) {
        const weighs = (forms < 0 ? weight : Math.max(weight, floors[k]!)) * times;
        total[k]! += weighs;
        if (isThere) found[k]! += weighs;
      }
    }
    return floors.map((_, k) => (total[k]! > 0 ? found[k]! / total[k]! : 0));
  }
}

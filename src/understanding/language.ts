// Language of a short question (French, German, Italian, English), without accents and with typos.
// Generic detectors guess poorly on five-word questions full of acronyms and canton names, so this
// combines three signals: function and domain words of each language, canton names as each
// language writes them ("Genf", "Ginevra"), and a character-trigram model trained on the knowledge
// base's own texts in each language, which carries misspelt words ("Steurungsausschuss").
import { cacheOf } from '../knowledge/cache.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { CANTON_CODES, LANGUAGES, type Language } from '../knowledge/schema.js';
import { cues } from '../locales.js';
import { remember } from '../memo.js';
import { dialectWords } from './dialect.js';
import { ITALIAN_GLOSSES } from './italian.js';
import { fold, words } from './normalize.js';
import { typoDistance } from './phrases.js';

/**
 * Function and domain words of each language (locales/<language>/cues.yaml, the list "language"),
 * as one text per language: the detector counts them, and the trigram model trains on them too.
 */
const LEXICON = Object.fromEntries(Object.entries(cues('language')).map(([lang, list]) => [lang, list.join(' ')])) as Record<Language, string>;

/** Canton codes in capitals ("NE", "TI") are names, not the French "ne" or the Italian "ti". */
const CANTON_CODE = new RegExp(`\\b(${CANTON_CODES.join('|')})\\b`, 'g');

const LEXICON_SETS = Object.fromEntries(
  Object.entries(LEXICON).map(([lang, list]) => [lang, new Set(list.split(/\s+/).filter(Boolean))]),
) as Record<Language, Set<string>>;

/**
 * An "s" joined to the word before by an apostrophe ("what's", "Vaud's", "gibt's") is a
 * clitic, not the French "s'" ("s'il"), which elides before the apostrophe: it says nothing here.
 */
const ENCLITIC_S = /(?<=\p{L})['’]s\b/gu;

/**
 * Words in quotes: a name as the sources write it ("what does Bern mean by 'chaîne d'offre CII'?"),
 * not the language of the question. A single quote opens after a space and may hold
 * apostrophes ("d'offre").
 */
const QUOTED = /[«„“"][^«»„“”"]*[»“”"]|(?<=^|\s)'(?:[^']|'(?=\p{L}))+'(?=$|[\s?.!,;:])/gu;

/** Words in brackets: a gloss in another language ("'kein Datenfriedhof' (pas de cimetière de données)") or an acronym. */
const BRACKETED = /\([^()]*\)/g;

/**
 * The question without what it quotes or glosses in brackets, unless that leaves fewer than two
 * words and none of the languages' function words to tell its language ("fiche 5 '…'?"; but
 * "ne '…' cos'è?").
 */
function unquoted(text: string): string {
  const rest = text.replace(QUOTED, ' ').replace(BRACKETED, ' ');
  const ws = words(rest);
  const telling = ws.filter((w) => w.length >= 3 && !/\d/.test(w)).length >= 2 || ws.some((w) => LANGUAGES.some((l) => LEXICON_SETS[l].has(w)));
  return telling ? rest : text;
}

export interface LanguageGuess {
  language: Language;
  /** Share of the winning score over all scores, 0 when nothing was recognised. */
  certainty: number;
}

/** Within this margin the fallback language (the channel's locale, the user's pick) wins: one odd word must not switch languages. */
const NEAR_TIE = 0.25;

/** Weight of one word's vote (its use per language, or its trigrams) against one lexicon word. */
const TRIGRAM_WEIGHT = 0.8;

function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/** Every text of the base, by language: the trigram model's training material. */
function textsByLanguage(kb: KnowledgeBase): Record<Language, string[]> {
  const out: Record<Language, string[]> = { fr: [], de: [], it: [], en: [] };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value instanceof Map) [...value.values()].forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.fr === 'string' && typeof record.de === 'string') {
        for (const lang of LANGUAGES) if (typeof record[lang] === 'string') out[lang].push(record[lang] as string);
      } else Object.values(record).forEach(visit);
    }
  };
  visit(kb);
  for (const lang of LANGUAGES) out[lang].push(LEXICON[lang]);
  return out;
}

/**
 * A number per key and language, as one typed array (NaN where the language has none): the cache
 * reads it back in a millisecond, where a map of objects took tens.
 */
interface Table {
  keys: string[];
  values: Float64Array;
}

function tableOf(rows: Map<string, Partial<Record<Language, number>>>): Table {
  const values = new Float64Array(rows.size * LANGUAGES.length).fill(NaN);
  [...rows.values()].forEach((row, i) => LANGUAGES.forEach((lang, j) => (values[i * LANGUAGES.length + j] = row[lang] ?? NaN)));
  return { keys: [...rows.keys()], values };
}

class TableReader {
  private readonly rowOf: Map<string, number>;

  constructor(private readonly table: Table) {
    this.rowOf = new Map();
    table.keys.forEach((key, i) => this.rowOf.set(key, i));
  }

  has(key: string): boolean {
    return this.rowOf.has(key);
  }

  get(key: string, lang: Language): number | undefined {
    const row = this.rowOf.get(key);
    if (row === undefined) return undefined;
    const value = this.table.values[row * LANGUAGES.length + LANGUAGES.indexOf(lang)]!;
    return Number.isNaN(value) ? undefined : value;
  }
}

/** What training on the base's texts yields. */
interface Model {
  /** Each trigram's log probability in each language that has it. */
  logProb: Table;
  unseen: Record<Language, number>;
  /** Canton names that only some languages write that way ("genf" → de). */
  cantonNames: Map<string, Language[]>;
  /**
   * Words the base writes in three languages or more: names and acronyms ("medval", "orp-cms"),
   * shared words ("indication"). They tell nothing of the language, so they get no vote.
   */
  neutral: Set<string>;
  /** How often each language's texts use each word, per million words: the vote of a word the base knows. */
  wordRates: Table;
}

function train(kb: KnowledgeBase): Model {
  const texts = textsByLanguage(kb);
  const logProb = new Map<string, Partial<Record<Language, number>>>();
  const unseen = {} as Record<Language, number>;
  const wordRates = new Map<string, Partial<Record<Language, number>>>();
  for (const lang of LANGUAGES) {
    const counts = new Map<string, number>();
    let total = 0;
    // Words repeat a lot: count each word once, then its trigrams as often as it occurs.
    const wordCounts = new Map<string, number>();
    for (const word of words(texts[lang].join('\n'))) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    const wordTotal = [...wordCounts.values()].reduce((a, b) => a + b, 0);
    for (const [word, n] of wordCounts) {
      const rates = wordRates.get(word) ?? {};
      rates[lang] = (1e6 * n) / wordTotal;
      wordRates.set(word, rates);
      for (const g of trigrams(word)) {
        counts.set(g, (counts.get(g) ?? 0) + n);
        total += n;
      }
    }
    // Add-one smoothing over the trigrams seen in any language.
    const denominator = total + counts.size + 1;
    for (const [g, c] of counts) logProb.set(g, { ...logProb.get(g), [lang]: Math.log((c + 1) / denominator) });
    unseen[lang] = Math.log(1 / denominator);
  }
  // Italian has far less text than the others: an unseen trigram must not cost it less.
  const penalty = Math.min(...LANGUAGES.map((l) => unseen[l]));
  for (const lang of LANGUAGES) unseen[lang] = penalty;
  const cantonNames = new Map<string, Language[]>();
  for (const canton of kb.cantons.values()) {
    const byName = new Map<string, Language[]>();
    for (const lang of LANGUAGES) {
      const name = words(canton.names[lang]).join(' ');
      byName.set(name, [...(byName.get(name) ?? []), lang]);
    }
    for (const [name, langs] of byName) if (langs.length < LANGUAGES.length) cantonNames.set(name, langs);
  }
  const neutral = new Set([...wordRates].filter(([, rates]) => Object.keys(rates).length >= 3).map(([word]) => word));
  return { logProb: tableOf(logProb), unseen, cantonNames, neutral, wordRates: tableOf(wordRates) };
}

export class LanguageDetector {
  private readonly logProb: TableReader;
  private readonly unseen: Record<Language, number>;
  private readonly cantonNames: Map<string, Language[]>;
  private readonly neutral: Set<string>;
  private readonly wordRates: TableReader;

  constructor(kb: KnowledgeBase) {
    const cache = cacheOf(kb);
    const model = cache ? cache.get('language', () => train(kb)) : train(kb);
    ({ unseen: this.unseen, cantonNames: this.cantonNames, neutral: this.neutral } = model);
    this.logProb = new TableReader(model.logProb);
    this.wordRates = new TableReader(model.wordRates);
  }

  /** Each word's vote, once: the model never changes. */
  private readonly votes = new Map<string, Record<Language, number>>();

  /** A word's vote: by how often each language uses it when the base has it, else by its trigrams. */
  private vote(word: string): Record<Language, number> {
    return this.votes.get(word) ?? remember(this.votes, word, this.computedVote(word));
  }

  private computedVote(word: string): Record<Language, number> {
    const trigram = this.trigramVote(word);
    if (!this.wordRates.has(word)) return trigram;
    const rates = LANGUAGES.map((l) => this.wordRates.get(word, l) ?? 0);
    const sum = rates.reduce((a, b) => a + b, 0);
    return Object.fromEntries(LANGUAGES.map((l, i) => [l, (rates[i]! / sum + trigram[l]) / 2])) as Record<Language, number>;
  }

  /** The trigram model's vote for one word: a probability per language. */
  private trigramVote(word: string): Record<Language, number> {
    const scores = LANGUAGES.map((lang) =>
      trigrams(word).reduce((sum, g) => sum + (this.logProb.get(g, lang) ?? this.unseen[lang]), 0),
    );
    const max = Math.max(...scores);
    const exp = scores.map((x) => Math.exp(x - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    return Object.fromEntries(LANGUAGES.map((l, i) => [l, exp[i]! / sum])) as Record<Language, number>;
  }

  /** Whether the base's texts use the word as it is written: a word of theirs is no misspelling. */
  knows(word: string): boolean {
    return this.wordRates.has(word);
  }

  /** Whether the base's texts in the language use the folded word. */
  writes(word: string, language: Language): boolean {
    return this.wordRates.get(word, language) !== undefined;
  }

  /** Whether each word the base lacks misspells a neutral word, once: the same words come back question after question. */
  private readonly misspeltNeutral = new Map<string, boolean>();

  /** A neutral word, or a misspelling of one that is not itself a word of the base ("indicatoin"). */
  private isNeutral(word: string): boolean {
    if (this.neutral.has(word)) return true;
    if (this.wordRates.has(word) || word.length < 6) return false;
    const known = this.misspeltNeutral.get(word);
    if (known !== undefined) return known;
    for (const n of this.neutral) if (n[0] === word[0] && Math.abs(n.length - word.length) <= 1 && typoDistance(n, word) <= 1) return remember(this.misspeltNeutral, word, true);
    return remember(this.misspeltNeutral, word, false);
  }

  /** A word the Italian lexicon glosses ("eta": âge) that the base never writes in another language: Italian's own. */
  private glossedOnly(word: string): boolean {
    if (!ITALIAN_GLOSSES.has(word)) return false;
    return !LANGUAGES.some((other) => other !== 'it' && (LEXICON_SETS[other].has(word) || this.wordRates.get(word, other) !== undefined));
  }

  detect(text: string, fallback: Language = 'fr'): LanguageGuess {
    const scores: Record<Language, number> = { fr: 0, de: 0, it: 0, en: 0 };
    // Dialect words count as their language's words ("isch": German).
    const dialect = dialectWords(text);
    // A word in capitals is a name or an acronym ("NE-ESO"): it says nothing of the language.
    const acronyms = new Set((text.match(/(?<!\p{L})\p{Lu}{2,}(?!\p{L})/gu) ?? []).map(fold));
    for (const word of words(unquoted(text).replace(CANTON_CODE, ' ').replace(ENCLITIC_S, ''))) {
      if (/\d/.test(word) || acronyms.has(word)) continue;
      const inLexicon = LANGUAGES.filter((lang) => LEXICON_SETS[lang].has(word) || dialect.get(word) === lang || (lang === 'it' && this.glossedOnly(word)));
      const asName = this.cantonNames.get(word);
      // A word of several languages ("a", "in") votes for each of them by its share: it tells less.
      for (const lang of inLexicon) scores[lang] += 1 / inLexicon.length;
      for (const lang of asName ?? []) scores[lang] += 1 / asName!.length;
      // Short words vote only as the base uses them ("dei" is Italian): their trigrams say little.
      const votes = word.length >= 4 || (word.length === 3 && this.wordRates.has(word));
      if (inLexicon.length === 0 && !asName && votes && !this.isNeutral(word)) {
        const vote = this.vote(word);
        for (const lang of LANGUAGES) scores[lang] += TRIGRAM_WEIGHT * vote[lang];
      }
    }
    const total = Object.values(scores).reduce((a, b) => a + b, 0);
    if (total === 0) return { language: fallback, certainty: 0 };
    const [best] = (Object.entries(scores) as [Language, number][]).sort((a, b) => b[1] - a[1]);
    // Near ties go to the fallback language when it is among the leaders.
    if (best![1] - scores[fallback] < NEAR_TIE) return { language: fallback, certainty: scores[fallback] / total };
    return { language: best![0], certainty: best![1] / total };
  }
}


// Finds known phrases in a question: exact on folded words, and with one or two typos for longer
// single words. Shared by the canton, institution and glossary matchers.
import { distance } from 'fastest-levenshtein';
import { remember } from '../memo.js';
import { fold, words } from './normalize.js';

export interface PhraseHit<T> {
  value: T;
  /** Index of the first word of the hit in the question's words. */
  at: number;
  length: number;
  exact: boolean;
}

/** Edit distance where swapping two neighbouring letters ("Valias") counts as one typo. */
export function typoDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!] ? 1 : d;
}

/** Typos a word of this length may carry and still match. */
function tolerance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, { words: string[]; value: T }[]>();
  private readonly singles: { word: string; value: T }[] = [];
  /** The closest single each misspelt word stands for (null: none), found once: the same words come back question after question. */
  private readonly closest = new Map<string, { value: T } | null>();

  /**
   * `fuzzy` allows typos; `isWord` tells words spelt right (a word the base uses), which are no
   * typo of a name ("bases" is not "Basel" misspelt).
   */
  constructor(
    entries: Iterable<[phrase: string, value: T]>,
    private readonly fuzzy = true,
    private readonly isWord: (word: string) => boolean = () => false,
  ) {
    for (const [phrase, value] of entries) {
      const ws = words(phrase.replace(/-/g, ' '));
      if (ws.length === 0) continue;
      const list = this.byFirstWord.get(ws[0]!) ?? [];
      list.push({ words: ws, value });
      this.byFirstWord.set(ws[0]!, list);
      if (ws.length === 1 && ws[0]!.length >= 5) this.singles.push({ word: ws[0]!, value });
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Longest matches first at each position; a word belongs to one hit at most. */
  find(questionWords: string[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < questionWords.length; ) {
      const hit = this.exactAt(questionWords, i) ?? (this.fuzzy ? this.fuzzyAt(questionWords, i) : undefined);
      if (hit) {
        hits.push(hit);
        i += hit.length;
      } else {
        i += 1;
      }
    }
    return hits;
  }

  private exactAt(qw: string[], i: number): PhraseHit<T> | undefined {
    for (const candidate of this.byFirstWord.get(qw[i]!) ?? []) {
      if (candidate.words.every((w, k) => qw[i + k] === w)) {
        return { value: candidate.value, at: i, length: candidate.words.length, exact: true };
      }
    }
    return undefined;
  }

  private fuzzyAt(qw: string[], i: number): PhraseHit<T> | undefined {
    return this.fuzzySingleAt(qw, i) ?? this.fuzzyPhraseAt(qw, i);
  }

  /** A phrase of several words with one typo over the whole ("saint gal"), first word exact. */
  private fuzzyPhraseAt(qw: string[], i: number): PhraseHit<T> | undefined {
    for (const candidate of this.byFirstWord.get(qw[i]!) ?? []) {
      const n = candidate.words.length;
      if (n < 2 || i + n > qw.length) continue;
      const wanted = candidate.words.join(' ');
      if (wanted.length >= 8 && typoDistance(qw.slice(i, i + n).join(' '), wanted) <= 1) {
        return { value: candidate.value, at: i, length: n, exact: false };
      }
    }
    return undefined;
  }

  private fuzzySingleAt(qw: string[], i: number): PhraseHit<T> | undefined {
    const closest = this.closestSingle(qw[i]!);
    return closest ? { value: closest.value, at: i, length: 1, exact: false } : undefined;
  }

  private closestSingle(word: string): { value: T } | null {
    const cached = this.closest.get(word);
    if (cached !== undefined) return cached;
    const allowed = tolerance(word.length);
    if (allowed === 0 || this.isWord(word)) return remember(this.closest, word, null);
    let best: { value: T; d: number } | undefined;
    for (const single of this.singles) {
      if (Math.abs(single.word.length - word.length) > allowed) continue;
      const d = typoDistance(single.word, word);
      if (d <= allowed && (!best || d < best.d)) best = { value: single.value, d };
    }
    return remember(this.closest, word, best ? { value: best.value } : null);
  }
}

/** Splits a question into the folded words the matchers read, hyphens included as separators. */
export function questionWords(text: string): string[] {
  return words(text.replace(/-/g, ' '));
}

/**
 * What stands between each of a question's words (as `questionWords` reads them) and the word
 * before, folded: a slash joins either ("réunions/visites"), an underscore a name ("MX_CII"), a
 * hyphen a compound ("SH-Klienten"). The first word has nothing before it.
 */
export function separators(text: string): string[] {
  const folded = fold(text).replace(/[’'`´]/g, ' ');
  const between: string[] = [];
  let end = 0;
  for (const m of folded.matchAll(/[a-z0-9]+/g)) {
    between.push(between.length === 0 ? '' : folded.slice(end, m.index));
    end = m.index + m[0].length;
  }
  return between;
}

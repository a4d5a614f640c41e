// A question in two parts ("BE: Fallzahlen 2022 und wer leitet die Steuergruppe?"): where it
// splits, at a joining word before a question word (locales/<language>/cues.yaml: question.join,
// question.wh), or after a question mark before a question word or a yes-or-no opening
// (property.yesno). Each part is then read and answered on its own.
import { allCues } from '../locales.js';
import { fold } from './normalize.js';
import { QUESTION_WORDS } from './vocabulary.js';

const JOINS = allCues('question.join').map((phrase) => phrase.split(' '));
/** How a yes-or-no question opens ("gibt es", "c'è", "is there"): after a question mark, a second question. */
const YES_NO = allCues('property.yesno').map((phrase) => phrase.split(' '));
/** Each part says something of its own: "und wer?" alone is a follow-up, not a second part. */
const PART_WORDS = 2;
/** The longest preposition that may open a question before its question word ("su cosa", "mit wem", "in which"). */
const PREPOSITION = 3;

/** The question's two parts as written, the joining word left out; none when it does not split. */
export function questionParts(text: string): [string, string] | undefined {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: fold(m[0]), raw: m[0].toLowerCase(), at: m.index }));
  for (let i = PART_WORDS; i < tokens.length; i++) {
    // A question mark, then a question word, maybe after a preposition: a second question ("…, right?
    // Which other cantons…?", "…? Avec qui…?").
    const asked = text.slice(tokens[i - 1]!.at, tokens[i]!.at).includes('?');
    // After a preposition, the question says something of its own besides ("…? et qui ?" is a follow-up's).
    const preposition = tokens[i]!.word.length <= PREPOSITION && QUESTION_WORDS.has(tokens[i + 1]?.word ?? '') && tokens.length - i - 1 >= PART_WORDS;
    const yesNo = YES_NO.some((cue) => cue.every((w, k) => tokens[i + k]?.word === w));
    const wh = QUESTION_WORDS.has(tokens[i]!.word) || preposition || yesNo;
    if (asked && wh && tokens.length - i >= PART_WORDS) {
      return [text.slice(0, tokens[i]!.at).replace(/[\s?]+$/u, ''), text.slice(tokens[i]!.at)];
    }
    for (const join of JOINS) {
      const wh = tokens[i + join.length];
      if (!wh || !QUESTION_WORDS.has(wh.word) || tokens.length - i - 1 < PART_WORDS) continue;
      // The joining word as written: Italian "è" (is) is no "e" (and), though both fold alike.
      if (tokens[i]!.raw !== join[0] || !join.every((w, k) => tokens[i + k]!.word === w)) continue;
      const first = text.slice(0, tokens[i]!.at).replace(/[\s,;:–—-]+$/u, '');
      return [first, text.slice(tokens[i + 1]!.at)];
    }
  }
  return undefined;
}

const SENTENCES = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/**
 * The sentence a question asks in, when it tells something first: a sentence that asks nothing
 * comes before its last ("Mon client est à l'ORP. Que prévoit Vaud ?"); undefined otherwise.
 */
export function askedAfterTelling(text: string): string | undefined {
  // Most questions are one sentence: no stop followed by more words, nothing to segment.
  if (!/[.!?…]\s+\S/.test(text)) return undefined;
  const sentences: string[] = [];
  for (const { segment } of SENTENCES.segment(text.trim())) {
    // A full stop before a number ends an abbreviation ("art. 17", "ch. 7"), not a sentence.
    if (sentences.length > 0 && /^\d/.test(segment)) sentences[sentences.length - 1] += segment;
    else sentences.push(segment);
  }
  return sentences.slice(0, -1).some((s) => !s.includes('?')) ? sentences.at(-1) : undefined;
}

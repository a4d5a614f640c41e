// Cantons named in a question: by code ("ZH", "kanton zh") and by name in four languages and usual
// forms ("Zurigo", "Waadt", "Bâle-Campagne"), typos allowed on longer names.
import type { Canton, CantonCode } from '../knowledge/schema.js';
import { CANTON_CODES } from '../knowledge/schema.js';
import { allCues } from '../locales.js';
import { PhraseMatcher, questionWords } from './phrases.js';
import { PLURAL_CANTON_WORDS, QUESTION_WORDS } from './vocabulary.js';

/** Words that introduce a canton, after which even an ambiguous code is a canton ("canton ne"): cues canton.before. */
const CANTON_WORDS = new Set(allCues('canton.before'));

/**
 * Lower-case codes that are also ordinary words ("ne", "so", "be", "vs" for versus) or, for "ai",
 * the disability insurance: they count as cantons only in capitals, after a canton word or heading
 * the message, and "AI" only after a canton word, since in the sources AI always means the insurance.
 */
const AMBIGUOUS_CODES = new Set(['ne', 'so', 'be', 'ti', 'vs', 'ur', 'fr', 'ge', 'ag', 'ar', 'lu', 'gl', 'sg', 'bl', 'ju']);

/** A code heading the message, a colon after it ("sg: wer leitet…"), as chat users name what they ask about. */
const HEADING = /^\s*\p{L}{2}\s*:/u;

export interface CantonMention {
  code: CantonCode;
  /** Position and number of the question's words that name the canton. */
  at: number;
  length: number;
  /** Named by its adjective ("le réseau neuchâtelois", "die Berner Fachstelle"): what is spoken of, not where. */
  adjective?: true;
}

export class CantonRecognizer {
  private readonly names: PhraseMatcher<CantonCode>;
  private readonly capitals: PhraseMatcher<CantonCode>;
  /** The cantons' adjectives, as questions are read. */
  private readonly adjectives: Set<string>;

  /** `isWord`: words spelt right, never taken for a misspelt name. */
  constructor(cantons: Iterable<Canton>, isWord?: (word: string) => boolean) {
    const all = [...cantons];
    const entries: [string, CantonCode][] = [];
    for (const c of all) {
      for (const name of Object.values(c.names)) entries.push([name, c.code]);
      for (const alias of [...c.aliases, ...c.adjectives]) entries.push([alias, c.code]);
    }
    this.names = new PhraseMatcher(entries, true, isWord);
    this.adjectives = new Set(all.flatMap((c) => c.adjectives.map((a) => questionWords(a).join(' '))));
    // Town names are short and many are near a word ("Stans", "stats"): only as written.
    this.capitals = new PhraseMatcher(all.flatMap((c) => (c.capital ?? []).map((town): [string, CantonCode] => [town, c.code])), false);
  }

  find(text: string): CantonMention[] {
    const qw = questionWords(text);
    const raw = text.replace(/-/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const mentions: CantonMention[] = [];
    const taken = new Set<number>();
    for (const hit of [...this.names.find(qw), ...this.capitals.find(qw)]) {
      const adjective = this.adjectives.has(qw.slice(hit.at, hit.at + hit.length).join(' '));
      mentions.push({ code: hit.value, at: hit.at, length: hit.length, ...(adjective ? { adjective } : {}) });
      for (let k = 0; k < hit.length; k++) taken.add(hit.at + k);
    }
    qw.forEach((word, i) => {
      if (taken.has(i) || word.length !== 2) return;
      const code = word.toUpperCase() as CantonCode;
      if (!(CANTON_CODES as readonly string[]).includes(code)) return;
      // Not after the plural: "quels cantons ne disposent pas…", "which cantons so far…" go on with a word.
      // Nor after a canton asked for: "in quale cantone ne esistono?", "quel canton ne fait pas…".
      const asked = qw.slice(Math.max(0, i - 3), i - 1).some((w) => QUESTION_WORDS.has(w));
      const afterCantonWord = i > 0 && CANTON_WORDS.has(qw[i - 1]!) && !PLURAL_CANTON_WORDS.includes(qw[i - 1]!) && !asked;
      const capitals = raw[i] === code;
      if (code === 'AI' && !afterCantonWord) return;
      if (AMBIGUOUS_CODES.has(word) && !capitals && !afterCantonWord && !(i === 0 && HEADING.test(text))) return;
      mentions.push({ code, at: i, length: 1 });
    });
    // "Kanton Zürich": the canton word belongs to the mention.
    for (const m of mentions) {
      if (m.at > 0 && CANTON_WORDS.has(qw[m.at - 1]!)) {
        m.at -= 1;
        m.length += 1;
      }
    }
    const seen = new Set<CantonCode>();
    return mentions
      .sort((a, b) => a.at - b.at)
      .filter((m) => (seen.has(m.code) ? false : (seen.add(m.code), true)));
  }
}

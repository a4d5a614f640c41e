// Which edition a question asks for: a year after the words that place it in time ("en 2025",
// "im Jahr 2025", "nel 2025", "in 2025": edition.year in locales/<language>/cues.yaml), or an
// edition named by its id or its document's short name ("inventory-2025", "IIZ-Inventar 2025").
// Such a question is answered from the knowledge as it stood then (editions.ts).
import { allCues } from '../locales.js';
import { YEAR, words } from '../understanding/normalize.js';
import type { Query } from '../understanding/query.js';
import type { KnowledgeBase } from './base.js';
import { knowledgeAsOf, knownDocuments, type SourceDocument } from './editions.js';

const BEFORE_YEAR = allCues('edition.year').map((phrase) => phrase.split(' '));

/** Whether the question's words hold the phrase's words ending just before `end`. */
function endsBefore(ws: readonly string[], phrase: readonly string[], end: number): boolean {
  const start = end - phrase.length;
  if (start < 0) return false;
  for (let k = 0; k < phrase.length; k++) if (ws[start + k] !== phrase[k]) return false;
  return true;
}

interface Asked {
  /** A named edition's date within its series, or the end of a year ("2025-12-31") for every source. */
  date: string;
  series?: string;
  /** The words that ask for it: no passage need hold them. */
  words: string[];
}

/** A document's names as words: its edition's id and its short names (read once per document). */
const names = new WeakMap<SourceDocument, string[][]>();
function namesOf(d: SourceDocument): string[][] {
  let found = names.get(d);
  if (!found) names.set(d, (found = [[d.edition.id], ...Object.values(d.short).map((short) => words(short))]));
  return found;
}

/** What a question asks the knowledge as of, if it asks for an edition. */
export function askedEdition(kb: KnowledgeBase, question: string): Asked | undefined {
  const ws = words(question);
  for (const d of knownDocuments(kb)) {
    for (const name of namesOf(d)) {
      const end = ws.findIndex((_, i) => endsBefore(ws, name, i + 1)) + 1;
      if (end === 0) continue;
      // "edition inventory-2025": the word before the name asks for it too.
      const cue = BEFORE_YEAR.find((phrase) => endsBefore(ws, phrase, end - name.length)) ?? [];
      return { date: d.edition.date, series: d.edition.series, words: [...cue, ...name] };
    }
  }
  for (const [i, w] of ws.entries()) {
    const cue = YEAR.test(w) ? BEFORE_YEAR.find((phrase) => endsBefore(ws, phrase, i)) : undefined;
    if (cue) return { date: `${w}-12-31`, words: [...cue, w] };
  }
  return undefined;
}

/** The words that ask for an edition, split at hyphens as a question's words are ("inventory-2025"). */
function askingWords(asked: Asked | undefined): Set<string> {
  return new Set(asked?.words.flatMap((w) => w.split('-')) ?? []);
}

/** The question's words that ask for an edition. */
export function editionWords(kb: KnowledgeBase, q: Query): Set<string> {
  return askingWords(askedEdition(kb, q.text));
}

/**
 * The knowledge of the older edition a question asks for, with the question less the words that
 * ask for it ("et en 2025 ?" has nothing left to search for but what it follows up); undefined
 * when the question asks for this knowledge.
 */
export function editionAsked(kb: KnowledgeBase, q: Query): { kb: KnowledgeBase; query: Query } | undefined {
  const asked = askedEdition(kb, q.text);
  const older = asked && knowledgeAsOf(kb, asked.date, asked.series);
  if (!older) return undefined;
  const asking = askingWords(asked);
  const keep = (w: string) => !asking.has(w);
  return { kb: older, query: { ...q, words: q.words.filter(keep), contentWords: q.contentWords.filter(keep), meaningfulWords: q.meaningfulWords.filter(keep) } };
}

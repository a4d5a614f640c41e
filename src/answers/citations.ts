// How answers cite: each place in the reader's language under the document's short name, and the
// document's full title once per answer.
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { DocumentFile, Language, Source } from '../knowledge/schema.js';
import { localPlace } from '../locales.js';

export interface AnswerSource {
  document: DocumentFile;
  /** The document's short name ("IIZ-Inventar 2025"). */
  short: string;
  title: string;
  /** The place, written the reader's way ("Tabelle 1, Z. 343"). */
  where: string;
}

/** A document cited by an answer with every place cited in it. */
export interface Citation {
  document: DocumentFile;
  short: string;
  title: string;
  places: string;
}

export function sourceOf(kb: KnowledgeBase, source: Source, language: Language): AnswerSource {
  const doc = kb.sources.documents.find((d) => d.file === source.document);
  return { document: source.document, short: doc ? doc.short[language] : source.document, title: doc ? doc.title[language] : source.document, where: localPlace(source.where, language) };
}

/** The sources grouped by document, in the order they were first cited. */
export function citations(sources: readonly AnswerSource[]): Citation[] {
  const byDocument = new Map<DocumentFile, Citation>();
  for (const s of sources) {
    const cited = byDocument.get(s.document);
    if (cited) cited.places = `${cited.places}; ${s.where}`;
    else byDocument.set(s.document, { document: s.document, short: s.short, title: s.title, places: s.where });
  }
  return [...byDocument.values()];
}

/** One line a document: "short — place; place", for plain-text channels. */
export function citationLines(sources: readonly AnswerSource[]): string[] {
  return citations(sources).map((c) => `${c.short} — ${c.places}`);
}

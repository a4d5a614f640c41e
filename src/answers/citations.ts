// How answers cite: each place in the reader's language under the document's short name, the
// document's full title once per answer, and the editions the answer is as of.
import { colon, t } from '../i18n.js';
import { currentEdition, editionOf, laterEdition, seriesEditions } from '../knowledge/editions.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { DocumentFile, Language, Source } from '../knowledge/schema.js';
import { catalog, localPlace } from '../locales.js';

const EDITIONS = catalog('editions', ['asOf', 'later'] as const);

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

/**
 * "As of: CII inventory, May 2027": for each publication an answer cites of which the knowledge
 * holds several editions, the edition it is as of (its latest; a part a later edition left
 * unchanged is as of that edition too), and the later edition when the answer comes from an older
 * one. A publication with one edition is dated by its short name in the sources alone, so the base
 * without edition folders answers as it always has.
 */
export function asOfLine(kb: KnowledgeBase, sources: readonly AnswerSource[], language: Language): string | undefined {
  const cited = new Set(sources.flatMap((s) => editionOf(kb, s.document)?.series ?? []));
  const series = [...cited].filter((name) => seriesEditions(kb, name).length > 1);
  const editions = series.map((name) => {
    const label = currentEdition(kb, name)!.label[language];
    const later = laterEdition(kb, name);
    return later ? `${label} (${t(EDITIONS.later, language)}${colon(language)}${later.label[language]})` : label;
  });
  return editions.length > 0 ? `${t(EDITIONS.asOf, language)}${colon(language)}${editions.join('; ')}.` : undefined;
}

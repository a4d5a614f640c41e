// The building blocks every knowledge schema shares: documents, cantons, languages, sources,
// multilingual texts and errata.
import { z } from 'zod';

export const DOCUMENT_FILES = [
  '000_d12930a7fe8d9108.txt',
  '001_baac1f68b654dee4.txt',
  '002_8cd2fce77ca12853.txt',
  '003_041baf53ccf6f6bd.txt',
  '004_838e575a30b3e445.txt',
] as const;
/**
 * A source document's file name: one of the five seeds, or the file of a later edition that an
 * edition folder describes beside them (editions.ts). Which file may cite which document is
 * checked across files (crossrefs.ts, editions.ts).
 */
export const documentFile = z.string().regex(/^[\w.-]+\.(txt|pdf)$/, 'a document file name like 002_8cd2fce77ca12853.txt');
export type DocumentFile = z.infer<typeof documentFile>;

export const CANTON_CODES = [
  'AG', 'AI', 'AR', 'BE', 'BL', 'BS', 'FR', 'GE', 'GL', 'GR', 'JU', 'LU', 'NE',
  'NW', 'OW', 'SG', 'SH', 'SO', 'SZ', 'TG', 'TI', 'UR', 'VD', 'VS', 'ZG', 'ZH',
] as const;
export const cantonCode = z.enum(CANTON_CODES);
export type CantonCode = z.infer<typeof cantonCode>;

import { LANGUAGES } from './languages.generated.js';

// The languages are the folders under locales/ (scripts/languages.ts writes the list).
export { LANGUAGES };
export type Language = (typeof LANGUAGES)[number];

/** A text of the assistant's own in each language (headings, templates, buttons). */
export type Localized = Record<Language, string>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const nonEmpty = z.string().trim().min(1);

/** Where a fact was read: the document's file name and a table, section or line range in it. */
export const source = z.strictObject({ document: documentFile, where: nonEmpty });
export type Source = z.infer<typeof source>;

/**
 * A user-facing text (a fact, a note, a title, a name) in every language the assistant speaks.
 * French is the reference (the sources are French); the others are faithful translations.
 */
export const text = z.strictObject({ fr: nonEmpty, de: nonEmpty, it: nonEmpty, en: nonEmpty });
export type Text = z.infer<typeof text>;

/** Names and titles: texts like any other. */
export const names = text;
export type Names = Text;

export const ERRATUM_KINDS = [
  'translation-error', // the French text says something the original evidently did not
  'truncated', // the text stops mid-sentence or a cell is cut
  'contradiction', // two places of the sources disagree
  'ambiguous', // the text allows several readings
  'typo', // a misspelling or garbled word that could mislead
  'absent', // the text announces something (figure, annex, list) that is not in it
  'implausible', // a value that cannot be right as printed (a date in the future, say)
] as const;

/**
 * How caseworkers and coordinators ask for a unit of the base (a canton's part, a project, an
 * indication, a section…), in each language, informally, with the usual abbreviations: written from
 * the sources, never from an evaluation set. At least three per language; the search reads them
 * beside the unit's own text.
 */
export const questions = z.strictObject({
  fr: z.array(z.string().trim().min(3)).min(3),
  de: z.array(z.string().trim().min(3)).min(3),
  it: z.array(z.string().trim().min(3)).min(3),
  en: z.array(z.string().trim().min(3)).min(3),
});
export type Questions = z.infer<typeof questions>;

/**
 * How people ask for one fact of a unit that holds several (one rule of an institution, one fact of a
 * canton's part): searched with that fact alone, beside its unit's questions, so that a question about
 * the one fact does not draw all of its unit's facts. Any language may be left out.
 */
export const factQuestions = z.strictObject({
  fr: z.array(z.string().trim().min(3)).min(1).optional(),
  de: z.array(z.string().trim().min(3)).min(1).optional(),
  it: z.array(z.string().trim().min(3)).min(1).optional(),
  en: z.array(z.string().trim().min(3)).min(1).optional(),
});
export type FactQuestions = z.infer<typeof factQuestions>;

/** A known error or gap of the source, recorded on the fact it touches so answers can say so. */
export const erratum = z.strictObject({
  kind: z.enum(ERRATUM_KINDS),
  note: text,
  source,
  /** The other places the note compares (another document's line): cited with it. */
  seeAlso: z.array(source).optional(),
});
export type Erratum = z.infer<typeof erratum>;

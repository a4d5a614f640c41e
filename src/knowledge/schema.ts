// The knowledge base's one source of truth: every data file in knowledge/ is validated by these
// schemas at load time, and the TypeScript types are inferred from them.
import { z } from 'zod';
import { triage } from '../triage/rules.js';
import { LANGUAGES, cantonCode, documentFile, erratum, factQuestions, names, questions, source, text } from './primitives.js';

export * from './primitives.js';

const nonEmpty = z.string().trim().min(1);

export const fact = z.strictObject({
  text,
  source,
  /** ISO date or year the fact describes, where it differs from its document's. */
  asOf: nonEmpty.optional(),
  errata: z.array(erratum).optional(),
  questions: factQuestions.optional(),
});
export type Fact = z.infer<typeof fact>;

/** What the source says nothing about is said explicitly, with the reason. */
const notReported = z.strictObject({ status: z.literal('not-reported'), reason: text, source, questions: questions.optional() });
export type NotReported = z.infer<typeof notReported>;

/** Errata about a whole part or project (a name spelt two ways, a row of another canton): every answer drawing on it states them. */
const topicErrata = z.array(erratum).optional();

export const section = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('reported'), facts: z.array(fact).min(1), errata: topicErrata, questions: questions.optional() }),
  notReported,
]);
export type Section = z.infer<typeof section>;

/** Figure 3 of the inventory: which bodies the canton's CII has. */
export const composition = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('reported'),
    steeringCommittee: z.boolean(),
    developmentCommittee: z.boolean(),
    bureau: z.boolean(),
    workingGroups: z.boolean(),
    source,
    facts: z.array(fact).optional(),
    errata: topicErrata,
    questions: questions.optional(),
  }),
  notReported,
]);

export const platform = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('reported'),
    /** Whether the inventory says the canton has an electronic case-management platform. */
    electronic: z.boolean(),
    /** The platform's name, only where the source gives one. */
    name: nonEmpty.optional(),
    facts: z.array(fact).min(1),
    errata: topicErrata,
    questions: questions.optional(),
  }),
  notReported,
]);

export const INVENTORY_PROJECT_TABLES = [4, 5, 6, 7, 8, 9, 10] as const;

/** A coordination project of the inventory's Tableaux 4 to 10. */
export const project = z.strictObject({
  id: z.string().regex(/^T(4|5|6|7|8|9|10)-[A-Z]{2}-\d+$/, 'id like T4-AG-1'),
  table: z.union(INVENTORY_PROJECT_TABLES.map((n) => z.literal(n))),
  /** The project's name where the source gives one, in the source's spelling. */
  title: nonEmpty.optional(),
  /** Other names the sources give it ("Pool Insertion+" beside "Pôle Insertion +"): searched like the title. */
  aliases: z.array(nonEmpty).optional(),
  description: text,
  /** Partner institutions as the source lists them (French, source spelling). */
  partners: z.array(nonEmpty).min(1),
  /** Interface codes (4.x.y) as printed; empty where the cell is empty. */
  interfaces: z.array(nonEmpty),
  /** Tableau 6 has a status column instead of an interface column. */
  status: text.optional(),
  source,
  errata: z.array(erratum).optional(),
  questions: questions.optional(),
});
export type Project = z.infer<typeof project>;

export const canton = z.strictObject({
  code: cantonCode,
  names,
  /** Other usual forms users type (without accents, older spellings, abbreviations). */
  aliases: z.array(nonEmpty),
  /**
   * The canton's adjective and its people's name as each language writes them ("der Bündner Steuerungsausschuss",
   * "la CII vaudoise"); forms two cantons share ("Appenzeller") are left out.
   */
  adjectives: z.array(nonEmpty),
  /**
   * The capital's names where they are not the canton's ("Sion", "Sitten", "Frauenfeld"): people name
   * the town they work in ("au RAV de Frauenfeld"). Read as the canton, never written in an answer.
   */
  capital: z.array(nonEmpty).optional(),
  inventory: z.strictObject({
    // Tableau 1
    anchoring: section,
    steering: section,
    objectives: section,
    development: section,
    // Section 2.1 and Figure 1
    partners: section,
    // Figure 3
    composition,
    // Tableau 2
    operational: section,
    collaboration: section,
    processes: section,
    // Tableau 3 and section 2.4.1
    criteria: section,
    // Section 2.4.2
    caseNumbers2022: section,
    platform,
    // Tableaux 4 to 10
    projects: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('reported'), items: z.array(project).min(1), questions: questions.optional() }),
      notReported,
    ]),
  }),
  /** The criteria as rules over the triage facts (Tableau 3 and section 2.4.1). */
  triage,
});
export type Canton = z.infer<typeof canton>;
export type InventoryPart = keyof Canton['inventory'];

/** A document with sections of facts: Neuchâtel, OIAS, the national programme sheet, the inventory's national facts. */
export const topicDocument = z.strictObject({
  document: documentFile,
  /** The date the whole document describes: every fact in it is as of then. */
  asOf: nonEmpty,
  sections: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        title: text,
        facts: z.array(fact).min(1),
        errata: topicErrata,
        questions: questions.optional(),
      }),
    )
    .min(1),
  /** What the document announces but does not contain (figures rendered as images, missing annexes). */
  unavailable: z
    .array(z.strictObject({ what: text, reason: text, source }))
    .optional(),
});
export type TopicDocument = z.infer<typeof topicDocument>;

export const inventoryDocument = topicDocument.extend({
  /** Projects whose canton column is not a canton code. */
  unattributedProjects: z.array(project.extend({ canton: nonEmpty })),
});

export const BLOCK_IDS = ['A', 'B-1', 'B-2', 'C', 'D-1', 'D-2', 'E', 'F-1', 'F-2', 'G', 'H'] as const;
export type BlockId = (typeof BLOCK_IDS)[number];
export const ORGANISMES = ['aide-sociale', 'ac', 'ai'] as const;
export type Organisme = (typeof ORGANISMES)[number];

const indicationNumber = z.number().int().min(1).max(44);

export const indicationsDocument = z.strictObject({
  blocks: z.array(
    z.strictObject({
      id: z.enum(BLOCK_IDS),
      title: names,
      /** The agreement's parts (Tableau 1 rows) the block covers, with the indications each points to. */
      items: z.array(z.strictObject({ label: names, indications: z.array(indicationNumber) })).min(1),
      source,
      errata: z.array(erratum).optional(),
    }),
  ),
  indications: z.array(
    z.strictObject({
      number: indicationNumber,
      block: z.enum(BLOCK_IDS),
      title: names,
      gist: text,
      /** Examples and figures that go with the indication. */
      examples: z.array(fact).optional(),
      /** The organisme-specific parts of chapter 4 that cite this indication. */
      citedBy: z.array(z.enum(ORGANISMES)),
      source,
      errata: z.array(erratum).optional(),
      questions: questions.optional(),
    }),
  ),
});
export type IndicationsDocument = z.infer<typeof indicationsDocument>;
export type Indication = IndicationsDocument['indications'][number];

export const organismesDocument = z.strictObject({
  organismes: z.array(
    z.strictObject({
      id: z.enum(ORGANISMES),
      names,
      rules: z
        .array(fact.extend({ indications: z.array(indicationNumber).optional() }))
        .min(1),
      source,
      questions: questions.optional(),
    }),
  ),
  /** Chapter 5's title, which its principles hold as context ("les principes applicables aux conventions…"). */
  principlesTitle: z.strictObject({ text: names, source }),
  /** Chapter 5: principles for every performance agreement with an EISP. */
  principles: z.array(z.strictObject({ title: names, text, source, errata: z.array(erratum).optional(), questions: questions.optional() })).min(1),
});
export type OrganismesDocument = z.infer<typeof organismesDocument>;

export const glossaryDocument = z.strictObject({
  entries: z.array(
    z.strictObject({
      term: nonEmpty,
      /** The long form in each language. */
      long: names,
      /** The usual abbreviation in each language where it differs (ALV, AD, …). */
      abbreviations: z.strictObject({ de: nonEmpty, it: nonEmpty, en: nonEmpty }).partial().optional(),
      definition: text.optional(),
      source,
      errata: z.array(erratum).optional(),
      questions: questions.optional(),
    }),
  ),
});
export type GlossaryDocument = z.infer<typeof glossaryDocument>;

/**
 * Which edition of a publication a document is. Editions of one publication share a series; the
 * latest date of a series is its current edition, and answers say "as of" it.
 */
export const edition = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id in lower case with hyphens, like inventory-2025'),
  series: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a series name in lower case with hyphens, like inventory'),
  /** The publication date, as precise as the document gives it: 2017, 2025-05, 2013-03-14. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date written 2025, 2025-05 or 2025-05-31'),
  /** How answers name the edition after "as of": the publication and its date, in every language. */
  label: text,
});
export type Edition = z.infer<typeof edition>;

export const sourcesDocument = z.strictObject({
  documents: z.array(
    z.strictObject({
      file: documentFile,
      edition,
      /** How answers name the document beside each place cited (the full title once per answer). */
      short: text,
      title: text,
      /** Other names people give the document ("Faktenblatt 5", "IIZ-Bericht"): its passages hold them, as they hold its title. */
      names: z.strictObject({ fr: z.array(nonEmpty), de: z.array(nonEmpty), it: z.array(nonEmpty), en: z.array(nonEmpty) }).optional(),
      publisher: nonEmpty,
      /** When it was written, as the document dates itself, with what it reports a year of ("May 2025 (2023 survey)"). */
      date: text,
      language: z.enum(LANGUAGES),
      summary: text,
      /** Errata about the document as a whole (no title page, missing figures): said when it is asked about. */
      errata: z.array(erratum).optional(),
      questions: questions.optional(),
    }),
  ),
});
export type SourcesDocument = z.infer<typeof sourcesDocument>;

/**
 * Errata about a subject several places of the base speak of (a date the documents give
 * differently): each names its topics ("document:inventory:2-1", "canton:AG:anchoring",
 * "project:T4-FR-1", "indication:38", "glossary:CII"…), and every answer drawing on one states it.
 */
export const errataDocument = z.strictObject({
  errata: z.array(erratum.extend({ topics: z.array(z.string().regex(/^(canton|project|indication|organisme|principle|document|glossary|source):/, 'a topic like canton:AG:anchoring')).min(1) })),
});
export type ErrataDocument = z.infer<typeof errataDocument>;

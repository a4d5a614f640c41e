// What the base knows of every canton as a yes or a no, as data (knowledge/canton-properties.yaml),
// so that "which cantons…", "how many cantons…", "cantons without…" and "does canton C have…" are
// computed, never searched. A property is either a group of cantons the inventory's prose names
// ("TG and VS have a common charter", with the cantons it says lack it where it says so), or a
// field of the cantons' own files (Figure 3's bodies, the case platform, a table's projects). Each
// carries its label and how people name it in four languages, notes where the source counts more
// cantons than it names or a figure is missing, and example questions with the cantons each answer
// must give, which the tests ask.
import { z } from 'zod';
import {
  ERRATUM_KINDS,
  INVENTORY_PROJECT_TABLES,
  LANGUAGES,
  canton,
  cantonCode,
  source,
  text,
  type Canton,
  type Erratum,
  type InventoryPart,
  type Project,
  type Source,
} from './schema.js';

/** A phrase as questions are read: folded words, one space apart (as in locales/<language>/cues.yaml). */
const FOLDED = /^[a-z0-9'-]+(?: [a-z0-9'-]+)*$/;
const phrase = z.string().regex(FOLDED, 'must be folded: lower case, no accents, one space between words');
const phrases = z.array(phrase).min(1);

/** The institutions a question can name (understanding/vocabulary.ts reads them from the cues). */
const PROPERTY_INSTITUTIONS = ['AC', 'AI', 'AS', 'PC', 'formation', 'migration'] as const;

/** The fields of a canton's file a property can read instead of a group of cantons. */
const CANTON_FIELDS = ['steeringCommittee', 'developmentCommittee', 'bureau', 'workingGroups', 'platform', 'formalCriteria', 'caseNumbers', 'projects'] as const;

const INVENTORY_PARTS = Object.keys(canton.shape.inventory.shape) as [InventoryPart, ...InventoryPart[]];

/**
 * What an answer says beside the cantons: a count the text gives without naming them all, a
 * figure missing from the file, two places that disagree, or what the list leaves out.
 */
const propertyNote = z.strictObject({
  kind: z.enum([...ERRATUM_KINDS, 'partial', 'context']),
  note: text,
  source,
});

/** Cantons a place of the source names, each of them in the lines cited. */
const group = z.strictObject({ cantons: z.array(cantonCode), source });

const example = z.strictObject({
  ask: z.string().trim().min(3),
  language: z.enum(LANGUAGES),
  /** A question across cantons: the cantons its answer lists, all of them and only them. */
  lists: z.array(cantonCode).optional(),
  /** A question about one canton: its answer. */
  answer: z.enum(['yes', 'no', 'unknown']).optional(),
});

const common = {
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'an id in camelCase'),
  label: text,
  /** How people name it, per language: folded phrases, the usual abbreviations included. */
  cues: z.strictObject({ fr: phrases, de: phrases, it: phrases, en: phrases }),
  /** Institutions the question must also name ("projects between AC and AS" is Tableau 4). */
  institutions: z.array(z.enum(PROPERTY_INSTITUTIONS)).optional(),
  /** A broader property whose condition this one replaces when the question names both ("more reliable" case numbers). */
  narrows: z.string().optional(),
  /** false: named only beside the property it narrows ("coordinator" beside a steering committee). */
  alone: z.boolean().optional(),
  /** The canton's part a follow-up question opens, and a one-canton answer shows. */
  part: z.enum(INVENTORY_PARTS),
  /** The sections of the inventory's own summary (knowledge/inventory.yaml) the property restates: their errata go with a list. */
  sections: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
  notes: z.array(propertyNote).optional(),
  examples: z.array(example).min(1),
};

const fromField = z.strictObject({
  ...common,
  from: z.enum(CANTON_FIELDS),
  /** With `from: projects`: only the projects of this table. */
  table: z.union(INVENTORY_PROJECT_TABLES.map((n) => z.literal(n))).optional(),
});

const named = z.strictObject({
  ...common,
  /** The cantons the source says have it (possibly none, when it only gives a count). */
  has: group,
  /** The cantons the source says lack it; every other canton is one the source does not settle. */
  lacks: group.optional(),
});

const cantonProperty = z.union([fromField, named]);
export type CantonProperty = z.infer<typeof cantonProperty>;
type FieldProperty = z.infer<typeof fromField>;

/** Cantons the source only ever names together, in one row ("OW/NW"): an answer listing them says so. */
const jointRow = z.strictObject({ cantons: z.array(cantonCode).min(2), note: text, source });

export const cantonPropertiesDocument = z
  .strictObject({ jointRows: z.array(jointRow), properties: z.array(cantonProperty).min(1) })
  .superRefine(({ properties }, ctx) => {
    const ids = new Set<string>();
    properties.forEach((p, i) => {
      const at = (...path: (string | number)[]) => ['properties', i, ...path];
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `id ${p.id} is used twice` });
      ids.add(p.id);
      if ('from' in p && p.table !== undefined && p.from !== 'projects') ctx.addIssue({ code: 'custom', path: at('table'), message: 'a table goes with from: projects' });
      if ('has' in p) {
        const both = p.has.cantons.filter((c) => p.lacks?.cantons.includes(c));
        if (both.length > 0) ctx.addIssue({ code: 'custom', path: at('lacks'), message: `${both.join(', ')} both have and lack it` });
        if (p.has.cantons.length === 0 && !p.notes?.length) ctx.addIssue({ code: 'custom', path: at('notes'), message: 'a property naming no canton says why in a note' });
      }
      p.examples.forEach((e, k) => {
        if ((e.lists === undefined) === (e.answer === undefined)) ctx.addIssue({ code: 'custom', path: at('examples', k), message: 'an example gives either lists or answer' });
      });
    });
    properties.forEach((p, i) => {
      if (p.narrows && !ids.has(p.narrows)) ctx.addIssue({ code: 'custom', path: ['properties', i, 'narrows'], message: `no property ${p.narrows}` });
      if (p.alone === false && !p.narrows) ctx.addIssue({ code: 'custom', path: ['properties', i, 'alone'], message: 'alone: false goes with narrows' });
    });
  });

/** What the base says of one canton for a property, with where it says so. */
export interface Reading {
  /** undefined: the source does not settle it for this canton. */
  holds: boolean | undefined;
  sources: Source[];
  /** The platform's name, where the property is the platform and the source gives one. */
  name?: string;
  /** The table's projects, where the property counts projects. */
  projects?: Project[];
}

function fieldReading(c: Canton, p: FieldProperty): Reading {
  const inv = c.inventory;
  switch (p.from) {
    case 'platform':
      return inv.platform.status === 'reported'
        ? { holds: inv.platform.electronic, sources: inv.platform.facts.map((f) => f.source), ...(inv.platform.name ? { name: inv.platform.name } : {}) }
        : { holds: undefined, sources: [] };
    case 'formalCriteria':
      return { holds: c.triage.status !== 'no-formal-criteria', sources: [c.triage.source] };
    case 'caseNumbers':
      return inv.caseNumbers2022.status === 'reported'
        ? { holds: true, sources: inv.caseNumbers2022.facts.map((f) => f.source) }
        : { holds: false, sources: [inv.caseNumbers2022.source] };
    case 'projects': {
      // A table lists the projects its coordinators reported: a canton without one there has none reported.
      if (inv.projects.status !== 'reported') return { holds: false, sources: [inv.projects.source] };
      const items = inv.projects.items.filter((item) => p.table === undefined || item.table === p.table);
      return { holds: items.length > 0, sources: items.map((item) => item.source), projects: items };
    }
    default:
      return inv.composition.status === 'reported'
        ? { holds: inv.composition[p.from], sources: [inv.composition.source] }
        : { holds: undefined, sources: [] };
  }
}

/** Whether a canton has a property: a field of its file, or its place in the group the source names. */
export function readingOf(c: Canton, p: CantonProperty): Reading {
  if ('from' in p) return fieldReading(c, p);
  if (p.has.cantons.includes(c.code)) return { holds: true, sources: [p.has.source] };
  if (p.lacks?.cantons.includes(c.code)) return { holds: false, sources: [p.lacks.source] };
  return { holds: undefined, sources: [] };
}

/** The 1-based lines a place names: "Tableau 1, l.346, 348-353" → 346 and 348 to 353. */
export function citedLines(where: string): number[] {
  const lines: number[] = [];
  for (const [, list] of where.matchAll(/l\.(\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)/g)) {
    for (const part of list!.split(', ')) {
      const [from, to = from] = part.split('-').map(Number);
      for (let n = from!; n <= to!; n++) lines.push(n);
    }
  }
  return lines;
}

/**
 * The errata of a canton's facts drawn from the lines a group of cantons is read from ("GR, LU, ZG
 * and ZH require residence", l.526): they concern the same claim for that canton.
 */
export function groupErrata(c: Canton, p: CantonProperty): Erratum[] {
  if (!('has' in p)) return [];
  const lines = new Set([p.has, ...(p.lacks ? [p.lacks] : [])].flatMap((g) => citedLines(g.source.where)));
  const part = c.inventory[p.part];
  if (part.status !== 'reported' || !('facts' in part)) return [];
  return (part.facts ?? []).filter((f) => citedLines(f.source.where).some((n) => lines.has(n))).flatMap((f) => f.errata ?? []);
}

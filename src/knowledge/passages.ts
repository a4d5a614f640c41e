// The base flattened into passages: one fact each, with a heading, its source and errata. Full-text
// search indexes them, and answers quote them.
import { MESSAGES, PART_LABELS, t } from '../i18n.js';
import type { KnowledgeBase } from './base.js';
import { projectKey, topicErrata, topicKey, type PassageRef, type TopicDocumentKey } from './topics.js';
import type {
  Erratum,
  Fact,
  InventoryPart,
  Language,
  Project,
  Questions,
  Source,
  Text,
  TopicDocument,
} from './schema.js';
import { LANGUAGES } from './schema.js';

export type { PassageRef, TopicDocumentKey };

export interface Passage {
  id: string;
  ref: PassageRef;
  heading: Record<Language, string>;
  text: Text;
  source: Source;
  errata: Erratum[];
  asOf?: string;
  /** The year its document was published (its edition's): it cannot tell what happened in a later year. */
  published?: number;
  /** Words that place the passage without being shown: the title of the document it belongs to. */
  context?: Text;
  /** How people ask for the unit the passage belongs to (its `questions:`) and for its fact alone: searched, never shown. */
  questions?: Questions;
  /** The topic it belongs to where it is narrower than `ref` (a project of a canton's part). */
  topic?: string;
  /** Other names of what it is about (a project's other spellings): searched like the heading. */
  aliases?: string[];
}

type Headings = Record<Language, string>;

function each(fn: (lang: Language) => string): Headings {
  return Object.fromEntries(LANGUAGES.map((l) => [l, fn(l)])) as Headings;
}

/** A unit's questions as a passage field, where it has them. */
function asQuestions(questions: Questions | undefined): { questions?: Questions } {
  return questions ? { questions } : {};
}

/** A fact's passage is asked for by its unit's questions and by its own. */
function fromFact(id: string, ref: PassageRef, heading: Headings, f: Fact, unit: Questions | undefined, asOf?: string): Passage {
  const own = f.questions;
  const questions = own ? (Object.fromEntries(LANGUAGES.map((l) => [l, [...(unit?.[l] ?? []), ...(own[l] ?? [])]])) as Questions) : unit;
  return { id, ref, heading, text: f.text, source: f.source, errata: f.errata ?? [], asOf: f.asOf ?? asOf, ...asQuestions(questions) };
}

/**
 * A coordination project as told: its description, its status where the table gives one
 * (Tableau 6), and its partner institutions as the table lists them.
 */
export function projectText(p: Project): Text {
  return Object.fromEntries(
    Object.entries(p.description).map(([lang, value]) => {
      const status = p.status ? ` (${p.status[lang as Language]})` : '';
      return [lang, `${value}${status} ${t(MESSAGES.partners, lang as Language)}: ${p.partners.join(', ')}.`];
    }),
  ) as Text;
}

function cantonPassages(kb: KnowledgeBase): Passage[] {
  const out: Passage[] = [];
  for (const [code, canton] of kb.cantons) {
    for (const [part, value] of Object.entries(canton.inventory) as [InventoryPart, (typeof canton.inventory)[InventoryPart]][]) {
      const ref: PassageRef = { kind: 'canton', code, part };
      const heading = each((l) => `${canton.names[l]} — ${PART_LABELS[part][l]}`);
      const base = `canton:${code}:${part}`;
      const asked = asQuestions(value.questions);
      if (value.status === 'not-reported') {
        out.push({ id: base, ref, heading, text: value.reason, source: value.source, errata: [], ...asked });
      } else if ('items' in value) {
        value.items.forEach((p) =>
          out.push({ id: `${base}:${p.id}`, ref, topic: projectKey(p.id), heading: each((l) => `${heading[l]}${p.title ? `: ${p.title}` : ''}`), text: projectText(p), source: p.source, errata: p.errata ?? [], ...(p.aliases ? { aliases: p.aliases } : {}), ...asQuestions(p.questions ?? value.questions) }),
        );
      } else {
        (value.facts ?? []).forEach((f, i) => out.push(fromFact(`${base}:${i}`, ref, heading, f, value.questions)));
      }
    }
  }
  return out;
}

/** Each source document as a whole: what it is, with what it lacks (its errata come with its topic). */
function sourcePassages(kb: KnowledgeBase): Passage[] {
  return kb.sources.documents.map((d) => ({
    id: `source:${d.file}`,
    ref: { kind: 'source', document: d.file },
    heading: each((l) => `${d.short[l]}: ${d.title[l]}`),
    text: d.summary,
    source: { document: d.file, where: 'document entier' },
    errata: [],
    ...asQuestions(d.questions),
  }));
}

/** Projects whose table row names no canton ("AS" in Tableau 6): under the inventory's projects section. */
function unattributedProjectPassages(kb: KnowledgeBase): Passage[] {
  return kb.inventory.unattributedProjects.map((p) => ({
    id: `inventory:project:${p.id}`,
    ref: { kind: 'document', doc: 'inventory', section: 'projects' },
    topic: projectKey(p.id),
    heading: each((l) => `${p.canton} — ${PART_LABELS.projects[l]}${p.title ? `: ${p.title}` : ''}`),
    text: projectText(p),
    source: p.source,
    errata: p.errata ?? [],
    ...(p.aliases ? { aliases: p.aliases } : {}),
    ...asQuestions(p.questions),
  }));
}

/** What a document lacks is a passage too, so that a question about it gets "not available". */
function unavailablePassages(key: TopicDocumentKey, doc: TopicDocument): Passage[] {
  return (doc.unavailable ?? []).map((u, i) => ({
    id: `${key}:unavailable:${i}`,
    ref: { kind: 'document', doc: key, section: 'unavailable' },
    heading: each((l) => u.what[l]),
    text: Object.fromEntries(Object.entries(u.reason).map(([l, reason]) => [l, `${u.what[l as Language]}: ${reason}`])) as Text,
    source: u.source,
    errata: [],
    asOf: doc.asOf,
  }));
}

/** A document's name as its passages hold it: its title or short name, with the other names people give it. */
export function documentContext(kb: KnowledgeBase, file: string, name: 'title' | 'short'): Text | undefined {
  const d = kb.sources.documents.find((x) => x.file === file);
  return d && each((l) => [d[name][l], d.edition.label[l], ...(d.names?.[l] ?? [])].join(' · '));
}

/** A document's passages hold its title as context: "OIAS budget" finds the budget section of the OIAS report. */
function topicPassages(key: TopicDocumentKey, doc: TopicDocument, kb: KnowledgeBase): Passage[] {
  const context = documentContext(kb, doc.document, 'title');
  return [
    ...doc.sections.flatMap((section) =>
      section.facts.map((f, i) => fromFact(`${key}:${section.id}:${i}`, { kind: 'document', doc: key, section: section.id }, each((l) => section.title[l]), f, section.questions, doc.asOf)),
    ),
    ...unavailablePassages(key, doc),
  ].map((p) => (context ? { ...p, context } : p));
}

export function passagesOf(kb: KnowledgeBase): Passage[] {
  const indications = kb.indications.indications.flatMap((ind) => {
    const ref: PassageRef = { kind: 'indication', number: ind.number };
    const heading = each((l) => `${ind.number}. ${ind.title[l]}`);
    return [
      { id: `indication:${ind.number}`, ref, heading, text: ind.gist, source: ind.source, errata: ind.errata ?? [], ...asQuestions(ind.questions) },
      ...(ind.examples ?? []).map((f, i) => fromFact(`indication:${ind.number}:ex${i}`, ref, heading, f, ind.questions)),
    ];
  });
  const organismes = kb.organismes.organismes.flatMap((o) =>
    o.rules.map((r, i) => fromFact(`organisme:${o.id}:${i}`, { kind: 'organisme', id: o.id }, each((l) => o.names[l]), r, o.questions)),
  );
  // Each principle holds its chapter's title, with the guide's short name, as context: "the principles for agreements with EISP".
  const guideName = documentContext(kb, kb.organismes.principlesTitle.source.document, 'short');
  const chapter = each((l) => [kb.organismes.principlesTitle.text[l], guideName?.[l] ?? ''].join(' · '));
  const principles = kb.organismes.principles.map((p, i) => ({
    id: `principle:${i}`,
    ref: { kind: 'principle', index: i } as PassageRef,
    heading: each((l) => p.title[l]),
    context: chapter,
    text: p.text,
    source: p.source,
    errata: p.errata ?? [],
    ...asQuestions(p.questions),
  }));
  const glossary = kb.glossary.entries.map((e) => ({
    id: `glossary:${e.term}`,
    ref: { kind: 'glossary', term: e.term } as PassageRef,
    heading: each((l) => `${e.term}: ${e.long[l]}`),
    text: e.definition ?? { fr: e.long.fr, de: e.long.de, it: e.long.it, en: e.long.en },
    source: e.source,
    errata: e.errata ?? [],
    ...asQuestions(e.questions),
  }));
  // The guide's passages hold its short name as context, as a report's hold its title: "que dit le guide sur…".
  const shortNames = new Map(kb.sources.documents.map((d) => [d.file, documentContext(kb, d.file, 'short')]));
  const named = (p: Passage): Passage => {
    const short = shortNames.get(p.source.document);
    return short && !p.context ? { ...p, context: short } : p;
  };
  // Errata about a whole topic go with each of its passages (an answer states each erratum once).
  const topics = topicErrata(kb);
  const withTopicErrata = (p: Passage): Passage => {
    const extra = (topics.get(p.topic ?? topicKey(p.ref)) ?? []).filter((e) => !p.errata.includes(e));
    return extra.length ? { ...p, errata: [...p.errata, ...extra] } : p;
  };
  const published = new Map(kb.sources.documents.map((d) => [d.file, Number(d.edition.date.slice(0, 4))]));
  const dated = (p: Passage): Passage => {
    const year = published.get(p.source.document);
    return year ? { ...p, published: year } : p;
  };
  return [
    ...cantonPassages(kb),
    ...[...indications, ...organismes, ...principles].map(named),
    ...topicPassages('inventory', kb.inventory, kb),
    ...topicPassages('neuchatel', kb.neuchatel, kb),
    ...topicPassages('oias', kb.oias, kb),
    ...topicPassages('nationalProgramme', kb.nationalProgramme, kb),
    ...topicPassages('guide', kb.guide, kb),
    ...glossary,
    ...sourcePassages(kb),
    ...unattributedProjectPassages(kb),
  ].map((p) => dated(withTopicErrata(p)));
}

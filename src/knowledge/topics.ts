// What the base's passages are about, as topic keys ("canton:AG:anchoring", "project:T4-FR-1",
// "document:inventory:introduction", "source:002_….txt"…), and the errata each topic carries: those written on a whole part,
// section or project and those of errata.yaml that name it. An answer drawing on a topic states them.
import type { KnowledgeBase } from './base.js';
import type { BlockId, CantonCode, DocumentFile, Erratum, InventoryPart, Organisme } from './schema.js';

export type TopicDocumentKey = 'neuchatel' | 'oias' | 'nationalProgramme' | 'inventory' | 'guide';

/** The documents that are about one canton: Neuchâtel's 2013 report, Bern's OIAS report. */
export const CANTON_DOCUMENTS: Partial<Record<CantonCode, TopicDocumentKey>> = { NE: 'neuchatel', BE: 'oias' };

export type PassageRef =
  | { kind: 'canton'; code: CantonCode; part: InventoryPart }
  | { kind: 'indication'; number: number }
  /** A block of the guide's model agreement (A to H): its items and indications. */
  | { kind: 'block'; id: BlockId }
  | { kind: 'organisme'; id: Organisme }
  | { kind: 'principle'; index: number }
  | { kind: 'document'; doc: TopicDocumentKey; section: string }
  | { kind: 'glossary'; term: string }
  /** One of the five source documents as a whole (who wrote it, when, what it lacks). */
  | { kind: 'source'; document: DocumentFile };

/** The canton a reference is about: a canton's part, or a report on one canton (Neuchâtel's, Bern's OIAS). */
export function cantonOf(ref: PassageRef): CantonCode | undefined {
  if (ref.kind === 'canton') return ref.code;
  return ref.kind === 'document' ? REPORTED_CANTON.get(ref.doc) : undefined;
}

const REPORTED_CANTON = new Map(Object.entries(CANTON_DOCUMENTS).map(([code, doc]) => [doc, code as CantonCode]));

export function topicKey(ref: PassageRef): string {
  switch (ref.kind) {
    case 'canton':
      return `canton:${ref.code}:${ref.part}`;
    case 'indication':
      return `indication:${ref.number}`;
    case 'block':
      return `block:${ref.id}`;
    case 'organisme':
      return `organisme:${ref.id}`;
    case 'principle':
      return `principle:${ref.index + 1}`;
    case 'document':
      return `document:${ref.doc}:${ref.section}`;
    case 'glossary':
      return `glossary:${ref.term}`;
    case 'source':
      return `source:${ref.document}`;
  }
}

export const projectKey = (id: string) => `project:${id}`;

const TOPIC_DOCUMENTS = ['inventory', 'neuchatel', 'oias', 'nationalProgramme', 'guide'] as const;

/** Every topic of the base with the errata written on it as a whole (empty lists included). */
function inlineTopics(kb: KnowledgeBase): Map<string, Erratum[]> {
  const topics = new Map<string, Erratum[]>();
  for (const [code, canton] of kb.cantons) {
    for (const [part, value] of Object.entries(canton.inventory)) {
      topics.set(topicKey({ kind: 'canton', code, part: part as never }), 'errata' in value ? [...(value.errata ?? [])] : []);
      if ('items' in value) for (const p of value.items) topics.set(projectKey(p.id), [...(p.errata ?? [])]);
    }
  }
  for (const p of kb.inventory.unattributedProjects) topics.set(projectKey(p.id), [...(p.errata ?? [])]);
  for (const doc of TOPIC_DOCUMENTS) {
    for (const s of kb[doc].sections) topics.set(topicKey({ kind: 'document', doc, section: s.id }), [...(s.errata ?? [])]);
    if (kb[doc].unavailable?.length) topics.set(topicKey({ kind: 'document', doc, section: 'unavailable' }), []);
  }
  for (const i of kb.indications.indications) topics.set(topicKey({ kind: 'indication', number: i.number }), []);
  for (const o of kb.organismes.organismes) topics.set(topicKey({ kind: 'organisme', id: o.id }), []);
  kb.organismes.principles.forEach((_, index) => topics.set(topicKey({ kind: 'principle', index }), []));
  for (const e of kb.glossary.entries) topics.set(topicKey({ kind: 'glossary', term: e.term }), []);
  for (const d of kb.sources.documents) topics.set(topicKey({ kind: 'source', document: d.file }), [...(d.errata ?? [])]);
  return topics;
}

const cache = new WeakMap<KnowledgeBase, Map<string, Erratum[]>>();

/** Each topic's errata: its own, then those of errata.yaml that name it. */
export function topicErrata(kb: KnowledgeBase): Map<string, Erratum[]> {
  let topics = cache.get(kb);
  if (!topics) {
    topics = inlineTopics(kb);
    for (const { topics: keys, ...erratum } of kb.errata.errata) for (const key of keys) topics.get(key)?.push(erratum);
    cache.set(kb, topics);
  }
  return topics;
}

/** The topics errata.yaml names that the base does not have. */
export function unknownTopics(kb: KnowledgeBase): { index: number; topic: string }[] {
  const known = inlineTopics(kb);
  return kb.errata.errata.flatMap((e, index) => e.topics.filter((t) => !known.has(t)).map((topic) => ({ index, topic })));
}

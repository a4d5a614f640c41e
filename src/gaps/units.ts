// The units of the base closest to a question the assistant could not answer: what a coordinator
// completes. A unit is what a passage belongs to (a canton's part, a project, a report's section,
// an indication…), named by its topic key ("canton:GE:steering", "project:T4-FR-1"), with its title
// in every language and where it is in knowledge/ ("cantons/GE.yaml inventory.steering", as kb:check
// names units), so that listing gaps needs neither the base nor the search.
import type { Answer } from '../answers/builder.js';
import { PART_LABELS } from '../i18n.js';
import { SINGLE_FILES, type KnowledgeBase } from '../knowledge/base.js';
import type { Passage, PassageRef } from '../knowledge/passages.js';
import { LANGUAGES, type Language, type Localized } from '../knowledge/schema.js';
import { topicKey } from '../knowledge/topics.js';

export interface ClosestUnit {
  /** The topic key: stable while the base changes around it. */
  id: string;
  /** The file and the place in it, as kb:check names units. */
  where: string;
  title: Localized;
}

/** How many units a gap keeps: the suggestions a "don't know" offers are three at most. */
const MAX_UNITS = 3;

const PROJECT = 'project:';

function whereOf(ref: PassageRef, topic: string | undefined): string {
  const project = topic?.startsWith(PROJECT) ? topic.slice(PROJECT.length) : undefined;
  switch (ref.kind) {
    case 'canton':
      return project ? `cantons/${ref.code}.yaml project ${project}` : `cantons/${ref.code}.yaml inventory.${ref.part}`;
    case 'document': {
      const file = SINGLE_FILES[ref.doc][0];
      if (project) return `${file} project ${project}`;
      return ref.section === 'unavailable' ? `${file} unavailable` : `${file} section ${ref.section}`;
    }
    case 'indication':
      return `indications.yaml indication ${ref.number}`;
    case 'block':
      return `indications.yaml block ${ref.id}`;
    case 'organisme':
      return `organismes.yaml ${ref.id}`;
    case 'principle':
      return `organismes.yaml principle ${ref.index + 1}`;
    case 'glossary':
      return `glossary.yaml ${ref.term}`;
    case 'source':
      return `sources.yaml ${ref.document}`;
  }
}

export class BaseUnits {
  private readonly units = new Map<string, ClosestUnit>();
  /** A passage's heading in each language → its unit: the suggestions of a "don't know" are headings. */
  private readonly byHeading = new Map<Language, Map<string, string>>(LANGUAGES.map((l) => [l, new Map()]));

  constructor(kb: KnowledgeBase, passages: readonly Passage[]) {
    // A canton's part is a unit even where its passages are projects (an answer may be about the part).
    for (const [code, canton] of kb.cantons) {
      for (const part of Object.keys(canton.inventory) as (keyof typeof PART_LABELS)[]) {
        const ref: PassageRef = { kind: 'canton', code, part };
        const title = Object.fromEntries(LANGUAGES.map((l) => [l, `${canton.names[l]} — ${PART_LABELS[part][l]}`])) as Localized;
        this.units.set(topicKey(ref), { id: topicKey(ref), where: whereOf(ref, undefined), title });
      }
    }
    for (const p of passages) {
      const id = p.topic ?? topicKey(p.ref);
      if (!this.units.has(id)) this.units.set(id, { id, where: whereOf(p.ref, p.topic), title: p.heading });
      for (const l of LANGUAGES) if (!this.byHeading.get(l)!.has(p.heading[l])) this.byHeading.get(l)!.set(p.heading[l], id);
    }
  }

  /** The units an answer was about or offered instead ("did you mean"), closest first. */
  closest(answer: Answer): string[] {
    const headings = this.byHeading.get(answer.language)!;
    const ids = [answer.about ? topicKey(answer.about) : undefined, ...answer.followUps.map((f) => headings.get(f))];
    return [...new Set(ids.filter((id): id is string => id !== undefined))].slice(0, MAX_UNITS);
  }

  /** The units of ids as a button sent them back: unknown ones (a changed base, a forged button) are left out. */
  resolve(ids: unknown): ClosestUnit[] {
    if (!Array.isArray(ids)) return [];
    const known = ids.flatMap((id) => (typeof id === 'string' && this.units.has(id) ? [this.units.get(id)!] : []));
    return [...new Set(known)].slice(0, MAX_UNITS);
  }
}

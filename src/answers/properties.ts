// Questions over what the base knows of every canton as a yes or a no, computed rather than
// searched: "which cantons have both a case platform and a bureau", "cantons without a steering
// committee", "how many cantons have formal criteria". Cantons the inventory says nothing about are
// named apart, never counted on either side.
import type { Localized } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { LANGUAGES, type Canton, type Source } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { CANTON_PROPERTIES, EITHER_WORDS, PROPERTY_CUES, type CantonProperty } from '../understanding/properties.js';
import { PhraseMatcher } from '../understanding/phrases.js';
import { phraseAt, type Query } from '../understanding/query.js';
import { CANTON_NOUNS, NEGATION_WORDS, type Topic } from '../understanding/vocabulary.js';
import { AnswerBuilder, type Answer } from './builder.js';
import { followUpsForList } from './followups.js';

const LABELS: Record<CantonProperty, Localized> = catalog('properties', CANTON_PROPERTIES);
const WORDS = catalog('properties', ['cantons', 'and', 'or', 'unknown', 'none'] as const);

/** The topic whose per-canton question follows the list. */
const TOPIC_OF: Record<CantonProperty, Topic> = {
  steeringCommittee: 'composition', developmentCommittee: 'composition', bureau: 'composition', workingGroups: 'composition',
  platform: 'platform', formalCriteria: 'criteria', caseNumbers: 'caseNumbers2022',
};

/** Whether the canton has the property: undefined where the inventory does not say. */
function holds(c: Canton, property: CantonProperty): boolean | undefined {
  const inv = c.inventory;
  switch (property) {
    case 'platform':
      return inv.platform.status === 'reported' ? inv.platform.electronic : undefined;
    case 'formalCriteria':
      return c.triage.status !== 'no-formal-criteria';
    case 'caseNumbers':
      return inv.caseNumbers2022.status === 'reported';
    default:
      return inv.composition.status === 'reported' ? inv.composition[property] : undefined;
  }
}

function sourcesOf(c: Canton, property: CantonProperty): Source[] {
  const inv = c.inventory;
  if (property === 'platform') return inv.platform.status === 'reported' ? inv.platform.facts.map((f) => f.source) : [];
  if (property === 'formalCriteria') return [c.triage.source];
  if (property === 'caseNumbers') return inv.caseNumbers2022.status === 'reported' ? inv.caseNumbers2022.facts.map((f) => f.source) : [inv.caseNumbers2022.source];
  return inv.composition.status === 'reported' ? [inv.composition.source] : [];
}

interface Condition {
  property: CantonProperty;
  negated: boolean;
}

/** Every language's cues, matched with a typo allowed in longer words ("ofice", "Buero"). */
const CUES = new PhraseMatcher(CANTON_PROPERTIES.flatMap((property) => LANGUAGES.flatMap((l) => PROPERTY_CUES[property][l].map((cue) => [cue, property] as [string, CantonProperty]))), true);

/** The properties a question names, in order, each negated when "without"/"ohne"/"senza" comes just before it. */
function conditionsOf(q: Query): Condition[] {
  const first = new Map<CantonProperty, number>();
  for (const hit of CUES.find(q.words)) if (!first.has(hit.value) || hit.at < first.get(hit.value)!) first.set(hit.value, hit.at);
  const found = [...first].map(([property, at]) => ({ property, at })).sort((a, b) => a.at - b.at);
  return found.map(({ property, at }) => {
    const before = q.words.slice(Math.max(0, at - 3), at);
    return { property, negated: NEGATION_WORDS.some((n) => phraseAt(before, n).length > 0) };
  });
}

/** A list or a count of cantons by what they have; undefined when the question names no such property. */
export function propertyAnswer(kb: KnowledgeBase, q: Query): Answer | undefined {
  const aboutCantons = q.wantsList || (q.wantsCount && q.words.some((w) => CANTON_NOUNS.includes(w)));
  if (!aboutCantons || q.cantons.length > 0) return undefined;
  const conditions = conditionsOf(q);
  if (conditions.length === 0) return undefined;
  const lang = q.language;
  const either = conditions.length > 1 && q.words.some((w) => LANGUAGES.some((l) => EITHER_WORDS[l].includes(w)));
  const cantons = [...kb.cantons.values()];
  const known = cantons.filter((c) => conditions.every((k) => holds(c, k.property) !== undefined));
  const meets = (c: Canton) => conditions.map((k) => holds(c, k.property) !== k.negated);
  const selected = known.filter((c) => (either ? meets(c).some(Boolean) : meets(c).every(Boolean)));
  // ✓ has it, ✗ lacks it: no article to decline in four languages.
  const title = conditions.map((k) => `${k.negated ? '✗' : '✓'} ${LABELS[k.property][lang]}`).join(` ${(either ? WORDS.or : WORDS.and)[lang]} `);
  const b = new AnswerBuilder(kb, lang);
  b.heading(`${WORDS.cantons[lang]} (${selected.length}): ${title}`);
  if (selected.length === 0) b.line(WORDS.none[lang]);
  for (const c of selected) {
    // A platform's name where the inventory gives one ("Valais: MX_CII").
    const platform = c.inventory.platform;
    const name = conditions.some((k) => k.property === 'platform' && !k.negated) && platform.status === 'reported' ? platform.name : undefined;
    b.line(`• ${c.names[lang]} (${c.code})${name ? `: ${name}` : ''}`);
    for (const k of conditions) for (const s of sourcesOf(c, k.property)) b.cite(s);
  }
  const unknown = cantons.filter((c) => !known.includes(c));
  if (unknown.length > 0) b.line('').line(`${WORDS.unknown[lang]} ${unknown.map((c) => c.code).join(', ')}.`);
  return b.build(0.9, followUpsForList(kb, lang, TOPIC_OF[conditions[0]!.property], selected.map((c) => c.code)));
}

// Questions over what the base knows of every canton as a yes or a no, computed rather than
// searched: "which cantons have both a case platform and a bureau", "Kantone ohne Steuer-
// gremium", "how many cantons have a common charter", "does Thurgau have a common charter?".
// The properties are data (knowledge/canton-properties.yaml). Cantons the source does not settle
// are named apart, never counted on either side, and what it counts without naming is said aloud.
import { ANSWER_WORDS, PART_LABELS } from '../i18n.js';
import { groupErrata, readingOf, type CantonProperty, type Reading } from '../knowledge/canton-properties.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { projectText } from '../knowledge/passages.js';
import { LANGUAGES, type Canton, type CantonCode, type Erratum, type InventoryPart, type Language } from '../knowledge/schema.js';
import { projectKey } from '../knowledge/topics.js';
import { catalog } from '../locales.js';
import { propertyReader, type Condition } from '../understanding/properties.js';
import type { ListedCondition, Query } from '../understanding/query.js';
import type { Topic } from '../understanding/vocabulary.js';
import { AnswerBuilder, type Answer } from './builder.js';
import { renderPart } from './cantons.js';
import { FOLLOW_UPS, followUpsForList } from './followups.js';

const WORDS = catalog('properties', ['cantons', 'and', 'or', 'unknown', 'unnamed', 'none', 'note', 'notSaid', 'holders', 'project', 'projects'] as const);

/** The confidence of an answer computed from the data: the question named what it computes. */
const COMPUTED = 0.9;

/** The per-canton question a list offers next: on the property's part where there is one, else who steers. */
function followUpTopic(part: InventoryPart): Topic {
  return part in FOLLOW_UPS ? part : 'steering';
}

/** What a reading tells beside yes: the platform's name, the number of projects. */
function detail(r: Reading, lang: Language): string | undefined {
  if (r.name) return r.name;
  const n = r.projects?.length ?? 0;
  if (n > 0) return (n === 1 ? WORDS.project : WORDS.projects)[lang].replace('{n}', String(n));
  return undefined;
}

/** The errata of the inventory's sections the properties restate: their own and their facts'. */
function sectionErrata(kb: KnowledgeBase, b: AnswerBuilder, properties: CantonProperty[]): Erratum[] {
  const ids = [...new Set(properties.flatMap((p) => p.sections ?? []))];
  return ids.flatMap((id) => [
    ...b.errataOf(`document:inventory:${id}`),
    ...(kb.inventory.sections.find((s) => s.id === id)?.facts.flatMap((f) => f.errata ?? []) ?? []),
  ]);
}

/**
 * What an answer says below its cantons: the notes of the properties asked about (each once), the
 * errata a list draws on (its sections' and those of the listed cantons' facts read from the same
 * lines; one canton's answer shows its own part instead), and last the cantons the source does not
 * settle. The places that define a group of cantons are cited even when no canton is listed.
 */
function close(kb: KnowledgeBase, b: AnswerBuilder, properties: CantonProperty[], list?: { listed: Canton[]; unsettled: CantonCode[] }): void {
  const lang = b.language;
  const notes = [...new Map(properties.flatMap((p) => p.notes ?? []).map((n) => [n.note.fr, n])).values()];
  const errata = list ? [...sectionErrata(kb, b, properties), ...list.listed.flatMap((c) => properties.flatMap((p) => groupErrata(c, p)))] : [];
  const unsettled = list?.unsettled ?? [];
  if (notes.length + errata.length + unsettled.length > 0) b.line('');
  for (const p of properties) if ('has' in p) for (const group of [p.has, ...(p.lacks ? [p.lacks] : [])]) b.cite(group.source);
  for (const n of notes) b.line(`⚠ ${WORDS.note[lang]}: ${n.note[lang]}`).cite(n.source);
  b.errata(errata);
  if (unsettled.length > 0) b.line(`${WORDS.unknown[lang]} ${unsettled.join(', ')}.`);
}

/** Kleene's three values: a canton meets the question, fails it, or the source does not settle it. */
function verdict(values: (boolean | undefined)[], either: boolean): boolean | undefined {
  // One true settles "either"; one false settles "all".
  const settles = either;
  if (values.includes(settles)) return settles;
  return values.includes(undefined) ? undefined : !settles;
}

/**
 * The properties a question names; a follow-up denying a list without naming any ("and which have
 * none of them?") asks for the cantons that have none of the list's properties; one asking for
 * cantons again in everyday words ("how many is that?") for the same cantons, and among them
 * ("which of them have a platform?") for those that have what it names too.
 */
function ownOrBefore(kb: KnowledgeBase, own: Condition[], q: Query): Condition[] {
  const conditionsOf = (listed: ListedCondition[], denied: boolean) =>
    listed.flatMap((k) => {
      const property = kb.cantonProperties.properties.find((p) => p.id === k.property);
      return property ? [{ property, negated: denied ? !k.negated : k.negated }] : [];
    });
  if (own.length === 0 && q.deniedList) return conditionsOf(q.deniedList, true);
  const again = q.cantonsAgain;
  if (!again) return own;
  const listed = conditionsOf(again.listed, false);
  if (own.length === 0) return again.alone ? listed : [];
  return q.partitive ? [...listed, ...own.filter((k) => !listed.some((l) => l.property === k.property))] : own;
}

/** A list or a count of cantons by what they have; undefined when the question names no such property. */
export function propertyAnswer(kb: KnowledgeBase, q: Query): Answer | undefined {
  const reader = propertyReader(kb);
  if (q.cantons.length > 0 || !(q.deniedList || q.cantonsAgain || reader.asksForCantons(q))) return undefined;
  const read = ownOrBefore(kb, reader.conditions(q), q);
  if (read.length === 0) return undefined;
  // "Do all cantons have a steering committee?": the ones that do not answer it.
  const conditions = q.allCantons && read.length === 1 && !read[0]!.negated ? [{ ...read[0]!, negated: true }] : read;
  const lang = q.language;
  const either = reader.either(q, conditions);
  const cantons = [...kb.cantons.values()];
  const readings = new Map(cantons.map((c) => [c.code, conditions.map((k) => readingOf(c, k.property))]));
  const meets = (c: Canton) => readings.get(c.code)!.map((r, i) => (r.holds === undefined ? undefined : r.holds !== conditions[i]!.negated));
  const outcome = new Map(cantons.map((c) => [c.code, verdict(meets(c), either)]));
  // "…, à part Berne": the cantons the question leaves out are not listed.
  const selected = cantons.filter((c) => outcome.get(c.code) === true && !q.exceptCantons?.includes(c.code));
  const unsettled = cantons.filter((c) => outcome.get(c.code) === undefined).map((c) => c.code);
  const settled = unsettled.length < cantons.length;

  // ✓ has it, ✗ lacks it: no article to decline in four languages.
  const title = conditions.map((k) => `${k.negated ? '✗' : '✓'} ${k.property.label[lang]}`).join(` ${(either ? WORDS.or : WORDS.and)[lang]} `);
  const b = new AnswerBuilder(kb, lang);
  b.heading(settled ? `${WORDS.cantons[lang]} (${selected.length}): ${title}` : `${WORDS.cantons[lang]}: ${title}`);
  if (!settled) b.line(WORDS.unnamed[lang]);
  else if (selected.length === 0) b.line(WORDS.none[lang]);
  for (const c of selected) {
    const rs = readings.get(c.code)!;
    const shown = rs.flatMap((r, i) => (conditions[i]!.negated ? [] : [detail(r, lang)])).find(Boolean);
    b.line(`• ${c.names[lang]} (${c.code})${shown ? `: ${shown}` : ''}`);
    rs.forEach((r, i) => {
      if (!either || r.holds !== conditions[i]!.negated) r.sources.forEach((s) => b.cite(s));
    });
  }
  const listed = new Set(selected.map((c) => c.code));
  for (const row of kb.cantonProperties.jointRows) {
    if (row.cantons.every((code) => listed.has(code))) b.line(row.note[lang]).cite(row.source);
  }
  close(kb, b, conditions.map((k) => k.property), { listed: selected, unsettled: settled ? unsettled : [] });
  const computed = conditions.map((k) => ({ property: k.property.id, negated: k.negated }));
  return { ...b.build(COMPUTED, followUpsForList(kb, lang, followUpTopic(conditions[0]!.property.part), [...listed])), listedBy: conditions[0]!.property.part, listed: [...listed], conditions: computed };
}

/** The canton's own facts a yes or a no rests on, with their errata: a table's projects, or the property's part. */
function evidence(b: AnswerBuilder, canton: Canton, p: CantonProperty, r: Reading, shown: Set<string>): void {
  if (r.projects?.length) {
    b.heading(`${canton.names[b.language]} — ${PART_LABELS.projects[b.language]}`);
    for (const project of r.projects) {
      const text = projectText(project);
      const titled = project.title ? (Object.fromEntries(LANGUAGES.map((l) => [l, `${project.title} — ${text[l]}`])) as typeof text) : text;
      b.fact(titled, project.source, b.errataOf(projectKey(project.id)));
    }
    return;
  }
  if (shown.has(p.part)) return;
  shown.add(p.part);
  renderPart(b, canton, p.part);
}

/**
 * "Does Thurgau have a common charter?": yes, no, or that the source does not say, for each
 * property the question names, with the cantons that have it and the canton's own facts on it;
 * undefined unless the question asks yes or no about properties of the base.
 */
export function propertyYesNoAnswer(kb: KnowledgeBase, q: Query, code: CantonCode): Answer | undefined {
  const reader = propertyReader(kb);
  if (!reader.asksYesNo(q)) return undefined;
  // A denied property is still the one asked about ("has Vaud no steering committee?").
  const properties = reader.conditions(q).map((k) => k.property);
  if (properties.length === 0) return undefined;
  const lang = q.language;
  const canton = kb.cantons.get(code)!;
  const readings = properties.map((p) => readingOf(canton, p));
  const b = new AnswerBuilder(kb, lang);
  b.heading(`${canton.names[lang]} (${canton.code})`);
  properties.forEach((p, i) => {
    const r = readings[i]!;
    const said = r.holds === undefined ? WORDS.notSaid : ANSWER_WORDS[r.holds ? 'yes' : 'no'];
    const shown = r.holds ? detail(r, lang) : undefined;
    b.line(`• ${p.label[lang]}: ${said[lang]}${shown ? ` (${shown})` : ''}`);
    r.sources.forEach((s) => b.cite(s));
    const all = [...kb.cantons.values()].filter((c) => readingOf(c, p).holds === true).map((c) => c.code);
    if (all.length > 0) b.line(`  ${WORDS.holders[lang].replace('{n}', String(all.length))} ${all.join(', ')}.`);
  });
  close(kb, b, properties);
  const parts = new Set<InventoryPart>();
  properties.forEach((p, i) => evidence(b, canton, p, readings[i]!, parts));
  const part = properties[0]!.part;
  // The properties asked, for a follow-up asking which other cantons lack them.
  const conditions = properties.map((p) => ({ property: p.id, negated: false }));
  return { ...b.build(COMPUTED, followUpsForList(kb, lang, followUpTopic(part), [code]), { kind: 'canton', code, part }), conditions };
}

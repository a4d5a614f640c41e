// Answers about cantons: one canton's part of the inventory, a comparison, and lists across cantons.
import { ANSWER_WORDS, MESSAGES, PART_LABELS, fill, t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { Canton, CantonCode, InventoryPart, Language, Text } from '../knowledge/schema.js';
import { projectText, type Passage } from '../knowledge/passages.js';
import { projectKey, topicKey } from '../knowledge/topics.js';
import type { FullTextIndex } from '../search/fulltext.js';
import { NOTHING_REPORTED, wordsToMatch } from './search.js';
import type { Query } from '../understanding/query.js';
import { TOPIC_PARTS, type Institution } from '../understanding/vocabulary.js';
import { AnswerBuilder, type Answer } from './builder.js';
import { followUpsForCanton, followUpsForList } from './followups.js';

const OVERVIEW_PARTS: InventoryPart[] = ['anchoring', 'steering', 'composition', 'criteria', 'platform'];

/** The bodies of Figure 3, in its order. */
const BODIES = ['steeringCommittee', 'developmentCommittee', 'bureau', 'workingGroups'] as const;

function prefixed(text: Text, prefix: string): Text {
  return Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, `${prefix}${value}`])) as Text;
}

/** Whether a canton's part writes a figure in digits. */
function givesFigure(canton: Canton, part: InventoryPart, lang: Language): boolean {
  const value = canton.inventory[part];
  if (value.status !== 'reported') return false;
  const texts = [...('facts' in value ? (value.facts ?? []).map((f) => f.text) : []), ...('items' in value ? value.items.map(projectText) : [])];
  return texts.some((text) => /\d/.test(text[lang]));
}

/** A canton's part; `counted`: a list of projects says how many first ("how many projects"). */
export function renderPart(b: AnswerBuilder, canton: Canton, part: InventoryPart, counted = false): void {
  const lang = b.language;
  const value = canton.inventory[part];
  b.heading(`${canton.names[lang]} — ${PART_LABELS[part][lang]}`);
  const partErrata = b.errataOf(topicKey({ kind: 'canton', code: canton.code, part }));
  if (value.status === 'not-reported') {
    b.line(`${t(MESSAGES.notReported, lang)}: ${b.localized(value.reason)}`).cite(value.source).errata(partErrata);
    return;
  }
  if (part === 'composition' && 'bureau' in value) {
    for (const key of BODIES) {
      b.line(`• ${ANSWER_WORDS[key][lang]}: ${ANSWER_WORDS[value[key] ? 'yes' : 'no'][lang]}`);
    }
    b.cite(value.source);
  }
  if ('items' in value) {
    // Counted from the canton's rows of the tables (Tableaux 4 to 10).
    if (counted) b.line(fill(ANSWER_WORDS.projectCount[lang], { n: value.items.length }));
    for (const p of value.items) {
      const text = projectText(p);
      b.fact(p.title ? prefixed(text, `${p.title} — `) : text, p.source, b.errataOf(projectKey(p.id)));
    }
  }
  if ('facts' in value) for (const f of value.facts ?? []) b.fact(f.text, f.source, f.errata, f.asOf);
  b.errata(partErrata);
}

export function cantonAnswer(kb: KnowledgeBase, query: Query, code: CantonCode): Answer {
  const canton = kb.cantons.get(code)!;
  const b = new AnswerBuilder(kb, query.language);
  const topic = query.topics[0];
  // "How many referents?": of the topic's parts, those that give a figure first (what a follow-up goes on with).
  const figured = (part: InventoryPart) => Number(query.wantsCount && givesFigure(canton, part, query.language));
  const parts = topic ? [...TOPIC_PARTS[topic]].sort((a, c) => figured(c) - figured(a)) : OVERVIEW_PARTS;
  for (const part of parts) renderPart(b, canton, part, query.wantsCount);
  // "The inventory reports nothing on this" is said with its reason, but it answers nothing.
  const reported = parts.some((part) => canton.inventory[part].status === 'reported');
  const confidence = !reported ? NOTHING_REPORTED : topic ? 0.9 : 0.75;
  return b.build(confidence, followUpsForCanton(kb, query.language, code, parts), { kind: 'canton', code, part: parts[0]! });
}

export function comparisonAnswer(kb: KnowledgeBase, query: Query): Answer {
  const b = new AnswerBuilder(kb, query.language);
  const parts = TOPIC_PARTS[query.topics[0] ?? 'criteria'];
  for (const code of query.cantons) for (const part of parts) renderPart(b, kb.cantons.get(code)!, part);
  return b.build(0.9, followUpsForCanton(kb, query.language, query.cantons[0]!, parts), { kind: 'canton', code: query.cantons.at(-1)!, part: parts[0]! });
}

/** The inventory table of coordination projects between two kinds of institutions. */
function projectTable(institutions: Institution[]): number | undefined {
  const has = (i: Institution) => institutions.includes(i);
  if (has('migration')) return 7;
  if (has('formation')) return 9;
  if (has('PC')) return 6;
  if (has('AC') && has('AS')) return 4;
  if (has('AC') && has('AI')) return 5;
  if (has('AI') && has('AS')) return 8;
  return undefined;
}

/** "Canton de Zorg": no such canton; the 26 with their codes, to pick from. */
export function unknownCantonAnswer(kb: KnowledgeBase, query: Query, name: string): Answer {
  const lang = query.language;
  const b = new AnswerBuilder(kb, lang);
  b.line(fill(ANSWER_WORDS.noSuchCanton[lang], { name, cantons: [...kb.cantons.values()].map((c) => `${c.names[lang]} (${c.code})`).join(', ') }));
  return { ...b.build(0, []), settled: true };
}

export function listAnswer(kb: KnowledgeBase, index: FullTextIndex, query: Query): Answer | undefined {
  const lang: Language = query.language;
  // "Cantons with only AC, AI and AS": institutions named in a list are the partner systems.
  const topic = query.topics[0] ?? (query.institutions.length >= 2 && query.contentWords.length === 0 ? 'partners' : undefined);
  const b = new AnswerBuilder(kb, lang);
  const cantons = [...kb.cantons.values()];
  const name = (c: Canton) => `${c.names[lang]} (${c.code})`;
  let selected: Canton[] = [];

  if (topic === 'projects') {
    const table = projectTable(query.institutions);
    b.heading(PART_LABELS.projects[lang]);
    const lines: string[] = [];
    let count = 0;
    for (const c of cantons) {
      const projects = c.inventory.projects;
      if (projects.status !== 'reported') continue;
      const items = projects.items.filter((p) => !table || p.table === table);
      if (items.length === 0) continue;
      selected.push(c);
      count += items.length;
      lines.push(`• ${name(c)}: ${items.map((p) => p.title ?? `${p.id}`).join('; ')}`);
      items.forEach((p) => b.cite(p.source));
    }
    // The tables' rows that name no canton count too (Tableau 6, "AS").
    const unattributed = kb.inventory.unattributedProjects.filter((p) => !table || p.table === table);
    unattributed.forEach((p) => b.cite(p.source));
    // Counted from the tables' rows (Tableaux 4 to 10), which add up to the figures the inventory states.
    if (query.wantsCount && selected.length > 0) {
      b.line(fill(ANSWER_WORDS.projectCountIn[lang], { n: count + unattributed.length, cantons: selected.length }));
      // The total as the inventory states it, with what it says about it.
      const stated = table ? undefined : kb.inventory.sections.find((section) => section.id === 'projects')?.facts[0];
      if (stated) b.fact(stated.text, stated.source, stated.errata);
    }
    for (const line of lines) b.line(line);
    for (const p of unattributed) b.line(`• ${p.canton}: ${p.title ?? p.id}`);
  } else if (topic) {
    // The cantons whose part holds the question's other words ("consent", "data exchange").
    const parts = TOPIC_PARTS[topic];
    const inParts = (p: Passage) => p.ref.kind === 'canton' && parts.includes(p.ref.part);
    const matching = new Set(
      query.contentWords.length === 0
        ? cantons.map((c) => c.code)
        : index
            .search(query.contentWords, 500, inParts, true)
            .filter((h) => index.coverage(query.contentWords, h.passage, false) >= 0.5)
            .map((h) => (h.passage.ref as { code: CantonCode }).code),
    );
    selected = cantons.filter((c) => matching.has(c.code) && parts.some((part) => c.inventory[part].status === 'reported'));
    for (const c of selected) for (const part of parts) if (c.inventory[part].status === 'reported') renderPart(b, c, part);
  } else if (query.meaningfulWords.length > 0) {
    // "Which cantons have a common charter?", "cantons where the OPUC takes part": every canton fact
    // that holds all the question's words, institutions included.
    const wanted = wordsToMatch(query);
    const hits = index
      .search(wanted, 300, (p) => p.ref.kind === 'canton', true)
      .filter((h) => index.coverage(wanted, h.passage, false) >= 0.99)
      .slice(0, 12);
    const codes = [...new Set(hits.map((h) => (h.passage.ref as { code: CantonCode }).code))];
    selected = codes.map((code) => kb.cantons.get(code)!);
    for (const h of hits) {
      b.heading(`${h.passage.heading[lang]} (${(h.passage.ref as { code: CantonCode }).code})`);
      b.fact(h.passage.text, h.passage.source, h.passage.errata);
    }
  } else {
    return undefined;
  }
  if (selected.length === 0) return undefined;
  const answer = b.build(0.85, followUpsForList(kb, lang, topic, selected.map((c) => c.code)));
  return topic ? { ...answer, listedBy: TOPIC_PARTS[topic][0]!, listed: selected.map((c) => c.code) } : answer;
}

// What changed between two editions of the knowledge (editions.ts), per canton and part of the
// inventory and per section of the reports: facts added, removed and changed, with their texts,
// and the part's other values (reported or not, the bodies of Figure 3, the platform). The
// knowledge of each edition is the base with the edition folders up to it. `npm run kb:diff` prints it.
import { PART_LABELS } from '../i18n.js';
import type { KnowledgeBase } from './base.js';
import { INVENTORY_PARTS } from './coverage.js';
import { REPORT_FILES, knowledgeAsOf, knownDocuments } from './editions.js';
import { projectText } from './passages.js';
import type { Canton, CantonCode, Edition, Language, Text } from './schema.js';
import type { TopicDocumentKey } from './topics.js';

export interface PartDiff {
  /** The canton, for a part of the inventory; none for a report's section. */
  canton?: { code: CantonCode; names: Text };
  /** The part ("steering", "triage") or the report's section ("inventory.yaml section 2-1"). */
  part: string;
  added: Text[];
  removed: Text[];
  changed: { from: Text; to: Text }[];
  /** Other values that changed: "bureau: false → true". */
  values: string[];
}

export interface EditionDiff {
  from: Edition;
  to: Edition;
  parts: PartDiff[];
}

export class UnknownEditionError extends Error {}

/** A part's facts (or projects) and its other values, as compared. */
interface Contents {
  texts: Text[];
  values: Record<string, string>;
}

function partContents(canton: Canton, part: (typeof INVENTORY_PARTS)[number]): Contents {
  const value = canton.inventory[part];
  if (value.status === 'not-reported') return { texts: [], values: { status: 'not-reported', reason: value.reason.fr } };
  const values: Record<string, string> = { status: 'reported' };
  for (const [key, v] of Object.entries(value)) if (typeof v === 'boolean' || key === 'name') values[key] = String(v);
  if ('items' in value) return { texts: value.items.map((p) => projectText(p)), values };
  return { texts: value.facts?.map((f) => f.text) ?? [], values };
}

const key = (text: Text) => JSON.stringify(text);

/** Texts in both stay out; what is left is paired in order as changed, the rest added or removed. */
function compare(before: Contents, after: Contents): Omit<PartDiff, 'canton' | 'part'> {
  const kept = new Set(before.texts.map(key));
  const had = new Set(after.texts.map(key));
  const removed = before.texts.filter((t) => !had.has(key(t)));
  const added = after.texts.filter((t) => !kept.has(key(t)));
  const paired = Math.min(removed.length, added.length);
  const values = [...new Set([...Object.keys(before.values), ...Object.keys(after.values)])]
    .filter((k) => before.values[k] !== after.values[k])
    .map((k) => `${k}: ${before.values[k] ?? '(none)'} → ${after.values[k] ?? '(none)'}`);
  return {
    changed: removed.slice(0, paired).map((from, i) => ({ from, to: added[i]! })),
    removed: removed.slice(paired),
    added: added.slice(paired),
    values,
  };
}

/** An edition by its id, and the knowledge as of it. */
function knowledgeOf(kb: KnowledgeBase, id: string): { edition: Edition; kb: KnowledgeBase } {
  const edition = knownDocuments(kb).find((d) => d.edition.id === id)?.edition;
  if (!edition) throw new UnknownEditionError(`no edition ${id}: the editions are ${knownDocuments(kb).map((d) => d.edition.id).join(', ')}`);
  return { edition, kb: knowledgeAsOf(kb, edition.date, edition.series) ?? kb };
}

export function diffEditions(kb: KnowledgeBase, fromId: string, toId: string): EditionDiff {
  const from = knowledgeOf(kb, fromId);
  const to = knowledgeOf(kb, toId);
  const parts: PartDiff[] = [];
  const push = (place: Pick<PartDiff, 'canton' | 'part'>, diff: Omit<PartDiff, 'canton' | 'part'>) => {
    if (diff.added.length + diff.removed.length + diff.changed.length + diff.values.length > 0) parts.push({ ...place, ...diff });
  };
  for (const [code, before] of from.kb.cantons) {
    const after = to.kb.cantons.get(code)!;
    const canton = { code, names: after.names };
    for (const part of INVENTORY_PARTS) push({ canton, part }, compare(partContents(before, part), partContents(after, part)));
    if (JSON.stringify(before.triage) !== JSON.stringify(after.triage)) push({ canton, part: 'triage' }, { added: [], removed: [], changed: [], values: ['the triage rule changed (see triage: in the canton file)'] });
  }
  for (const [report, file] of Object.entries(REPORT_FILES) as [TopicDocumentKey, string][]) {
    const sections = (k: KnowledgeBase) => new Map(k[report].sections.map((s) => [s.id, s.facts.map((f) => f.text)]));
    const before = sections(from.kb);
    const after = sections(to.kb);
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      push({ part: `${file} section ${id}` }, compare({ texts: before.get(id) ?? [], values: {} }, { texts: after.get(id) ?? [], values: {} }));
    }
  }
  return { from: from.edition, to: to.edition, parts };
}

/** The diff as a coordinator reads it: per canton, then per part, each fact in the language chosen. */
export function formatDiff(diff: EditionDiff, language: Language): string {
  const title = `Changes from ${diff.from.label[language]} (${diff.from.id}) to ${diff.to.label[language]} (${diff.to.id})`;
  if (diff.parts.length === 0) return `${title}: none.`;
  const lines = [title];
  let canton: string | undefined;
  for (const p of diff.parts) {
    const group = p.canton ? `${p.canton.code} — ${p.canton.names[language]}` : 'Reports';
    if (group !== canton) lines.push('', (canton = group));
    const label = p.canton && p.part in PART_LABELS ? ` (${PART_LABELS[p.part as keyof typeof PART_LABELS][language]})` : '';
    lines.push(`  ${p.part}${label}`);
    for (const v of p.values) lines.push(`    value    ${v}`);
    for (const c of p.changed) lines.push(`    changed  « ${c.from[language]} »`, `          → « ${c.to[language]} »`);
    for (const t of p.added) lines.push(`    added    « ${t[language]} »`);
    for (const t of p.removed) lines.push(`    removed  « ${t[language]} »`);
  }
  const count = (k: 'added' | 'removed' | 'changed') => diff.parts.reduce((n, p) => n + p[k].length, 0);
  lines.push('', `${diff.parts.length} part(s) changed: ${count('changed')} fact(s) changed, ${count('added')} added, ${count('removed')} removed.`);
  return lines.join('\n');
}

// The reported gaps as a coordinator reads them: grouped by the closest unit of the base (where to
// add the question to `questions:` or the missing fact), the most reported first, each question
// once with how often and when it was last reported. The same text for `gaps`, the weekly digest
// and `npm run kb:gaps`.
import type { Language } from '../knowledge/schema.js';
import type { Store } from '../store/store.js';
import { GapStore, type Gap } from './store.js';
import type { ClosestUnit } from './units.js';
import { GAP_TEXT } from './words.js';

interface GapLine {
  question: string;
  language: Language;
  count: number;
  /** The last day it was reported. */
  last: string;
}

interface GapGroup {
  /** Absent for questions nothing in the base was close to. */
  unit?: ClosestUnit;
  lines: GapLine[];
  reports: number;
}

/** How much a chat message shows; `npm run kb:gaps` shows everything. */
export interface ListingLimits {
  groups: number;
  linesPerGroup: number;
}

export const CHAT_LIMITS: ListingLimits = { groups: 15, linesPerGroup: 5 };

function groupGaps(gaps: readonly Gap[]): GapGroup[] {
  const groups = new Map<string, { unit?: ClosestUnit; lines: Map<string, GapLine>; reports: number }>();
  for (const gap of gaps) {
    const unit = gap.units[0];
    const group = groups.get(unit?.id ?? '') ?? { ...(unit ? { unit } : {}), lines: new Map<string, GapLine>(), reports: 0 };
    groups.set(unit?.id ?? '', group);
    group.reports++;
    const key = `${gap.language}\u0000${gap.question}`;
    const line = group.lines.get(key) ?? { question: gap.question, language: gap.language, count: 0, last: gap.date };
    group.lines.set(key, { ...line, count: line.count + 1, last: gap.date > line.last ? gap.date : line.last });
  }
  return [...groups.values()]
    .map((g) => ({ ...g, lines: [...g.lines.values()].sort((a, b) => b.last.localeCompare(a.last) || b.count - a.count) }))
    // The most reported first; questions close to nothing last.
    .sort((a, b) => Number(!a.unit) - Number(!b.unit) || b.reports - a.reports || (a.unit?.id ?? '').localeCompare(b.unit?.id ?? ''));
}

function formatGaps(groups: readonly GapGroup[], language: Language, limits?: ListingLimits): string {
  const text = (key: keyof typeof GAP_TEXT) => GAP_TEXT[key][language];
  if (groups.length === 0) return text('none');
  const total = groups.reduce((n, g) => n + g.reports, 0);
  const lines = [`**${text('title')}: ${total}**`, text('hint')];
  const shown = limits ? groups.slice(0, limits.groups) : groups;
  for (const group of shown) {
    const heading = group.unit ? `${group.unit.title[language]} · ${group.unit.where}` : text('noUnit');
    lines.push('', `**${heading} (${group.reports})**`);
    const kept = limits ? group.lines.slice(0, limits.linesPerGroup) : group.lines;
    for (const l of kept) lines.push(`• ${l.last}, ${l.language}${l.count > 1 ? ` (×${l.count})` : ''}: ${l.question}`);
    const hidden = group.lines.slice(kept.length).reduce((n, l) => n + l.count, 0);
    if (hidden > 0) lines.push(`• … +${hidden} ${text('more')}`);
  }
  const hidden = groups.slice(shown.length).reduce((n, g) => n + g.reports, 0);
  if (hidden > 0) lines.push('', `… +${hidden} ${text('more')}`);
  return lines.join('\n');
}

/** The store's gaps, grouped and written in the language asked for. */
export async function gapListing(store: Store, language: Language, limits?: ListingLimits): Promise<string> {
  return formatGaps(groupGaps(await new GapStore(store).list()), language, limits);
}

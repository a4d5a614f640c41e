// What the base holds per canton and per part of the inventory: filled, or empty with its reason.
import type { KnowledgeBase } from './base.js';
import { LANGUAGES, type Canton, type CantonCode, type InventoryPart, type Language } from './schema.js';

export const INVENTORY_PARTS: readonly InventoryPart[] = [
  'anchoring', 'steering', 'objectives', 'development', 'partners', 'composition', 'operational',
  'collaboration', 'processes', 'criteria', 'caseNumbers2022', 'platform', 'projects',
];

export type Cell = { filled: true; count: number } | { filled: false; reason: string };

function cell(canton: Canton, part: InventoryPart): Cell {
  const value = canton.inventory[part];
  if (value.status === 'not-reported') return { filled: false, reason: value.reason.fr };
  if ('items' in value) return { filled: true, count: value.items.length };
  if ('facts' in value) return { filled: true, count: value.facts?.length ?? 1 };
  return { filled: true, count: 1 };
}

export function coverage(kb: KnowledgeBase): Map<CantonCode, Record<InventoryPart, Cell>> {
  const table = new Map<CantonCode, Record<InventoryPart, Cell>>();
  for (const [code, canton] of kb.cantons) {
    table.set(code, Object.fromEntries(INVENTORY_PARTS.map((p) => [p, cell(canton, p)])) as Record<InventoryPart, Cell>);
  }
  return table;
}

/** A plain-text table: one row a canton, a column a part; "n" for n facts, "–" for empty. */
export function formatCoverage(kb: KnowledgeBase): string {
  const table = coverage(kb);
  const width = Math.max(...INVENTORY_PARTS.map((p) => p.length));
  const header = ['  ', ...INVENTORY_PARTS.map((p) => p.slice(0, 6).padStart(6))].join(' ');
  const rows = [...table].map(([code, cells]) =>
    [code, ...INVENTORY_PARTS.map((p) => (cells[p].filled ? String((cells[p] as { count: number }).count) : '–').padStart(6))].join(' '),
  );
  const reasons = [...table].flatMap(([code, cells]) =>
    INVENTORY_PARTS.flatMap((p) => {
      const c = cells[p];
      return c.filled ? [] : [`  ${code} ${p.padEnd(width)}  ${c.reason}`];
    }),
  );
  return [header, ...rows, '', 'Empty parts and why:', ...reasons].join('\n');
}

/** Every object of the base once (maps and lists entered); a visit that returns true skips the object's insides. */
function eachObject(kb: KnowledgeBase, visit: (record: Record<string, unknown>) => boolean | void): void {
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (node instanceof Map) return node.forEach(walk);
    if (!Array.isArray(node) && visit(node as Record<string, unknown>)) return;
    Object.values(node).forEach(walk);
  };
  walk(kb);
}

/** Every place the base cites (the `where` of its sources), once each. */
export function placesOf(kb: KnowledgeBase): string[] {
  const places = new Set<string>();
  eachObject(kb, (record) => {
    if (typeof record.document === 'string' && typeof record.where === 'string') places.add(record.where);
  });
  return [...places].sort();
}

/** The user-facing texts of the base: every object with a French text, in whatever languages it has. */
export function textsOf(kb: KnowledgeBase): Partial<Record<Language, string>>[] {
  const texts: Partial<Record<Language, string>>[] = [];
  eachObject(kb, (record) => {
    if (typeof record.fr !== 'string') return false;
    texts.push(record as Partial<Record<Language, string>>);
    return true;
  });
  return texts;
}

/**
 * The user-facing texts of the base and how many each language has. The schema requires all four,
 * so a gap fails at load; this prints what the base holds.
 */
export function textCoverage(kb: KnowledgeBase): Record<Language, { with: number; of: number }> {
  const texts = textsOf(kb);
  return Object.fromEntries(LANGUAGES.map((l) => [l, { with: texts.filter((t) => t[l]?.trim()).length, of: texts.length }])) as Record<Language, { with: number; of: number }>;
}

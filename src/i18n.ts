// The assistant's own words shared by every reply (part headings, messages), from the locale files
// (locales/<language>/ui.yaml). Facts never come from here: they come from knowledge/.
import { INVENTORY_PARTS } from './knowledge/coverage.js';
import type { InventoryPart, Language, Localized } from './knowledge/schema.js';
import { catalog } from './locales.js';

export type { Localized };

export const PART_LABELS: Record<InventoryPart, Localized> = catalog('parts', INVENTORY_PARTS);

export const MESSAGES = catalog('messages', [
  'notReported', 'caution', 'sources', 'dontKnow', 'partUnknown', 'noContact', 'noAmount', 'noYear', 'noRules', 'noDeadline', 'noArticle', 'noLawText', 'noAbroad', 'noNames', 'covers', 'didYouMean', 'empty', 'tooLong', 'dated2013', 'partners', 'inventoryNothing',
] as const);

/** The assistant's words in answers: labels, and messages with {placeholders}. */
export const ANSWER_WORDS = catalog('answers', [
  'citedBy', 'block', 'noSuchIndication', 'indicationCount', 'noSuchCanton', 'projectCount', 'projectCountIn', 'yes', 'no', 'steeringCommittee', 'developmentCommittee', 'bureau', 'workingGroups',
] as const);

/** A message with its {placeholders} filled. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The colon as each language writes it: French typography puts a space before it. */
export function colon(language: Language): string {
  return language === 'fr' ? ' : ' : ': ';
}

export function t(catalog: Localized, language: Language): string {
  return catalog[language];
}

// "checklist eisp ac", "liste de contrôle signalement VD", "Checkliste Anmeldung ZH": which checklist
// a message asks for, if any. The words are in locales/<language>/commands.yaml (checklist, checklist.*).
import type { CantonCode } from '../knowledge/schema.js';
import { allCues, alternatives } from '../locales.js';
import { words } from '../understanding/normalize.js';

const CHECKLIST_WORDS = allCues('checklist');
const EISP_WORDS = allCues('checklist.eisp');
const REFERRAL_WORDS = allCues('checklist.referral');
/** The organismes in the order they are looked for: the first named wins. */
const ORGANISME_KEYS = ['aide-sociale', 'ac', 'ai'] as const;
const ORGANISMES: Record<string, (typeof ORGANISME_KEYS)[number]> = Object.fromEntries(
  ORGANISME_KEYS.flatMap((organisme) => allCues(`checklist.organisme.${organisme}`).map((w) => [w, organisme])),
);
/** Words taken out of the message before its canton is looked for. */
const NOT_CANTON = new RegExp(`\\b(${alternatives(allCues('checklist.notCanton'))})\\b`, 'gi');

export type ChecklistRequest = { key: string } | { missingCanton: true } | undefined;

export function checklistRequest(text: string, findCanton: (text: string) => CantonCode | undefined): ChecklistRequest {
  const ws = words(text);
  const joined = ` ${ws.join(' ')} `;
  if (!CHECKLIST_WORDS.some((w) => joined.includes(` ${w} `))) return undefined;
  if (ws.some((w) => EISP_WORDS.includes(w))) {
    const organisme = Object.entries(ORGANISMES).find(([w]) => joined.includes(` ${w} `))?.[1];
    return { key: organisme ? `eisp:${organisme}` : 'eisp' };
  }
  if (ws.some((w) => REFERRAL_WORDS.includes(w))) {
    const canton = findCanton(text.replace(NOT_CANTON, ' '));
    return canton ? { key: `referral:${canton}` } : { missingCanton: true };
  }
  return { key: 'eisp' };
}

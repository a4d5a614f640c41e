// "checklist eisp ac", "liste de contrôle signalement VD", "Checkliste Anmeldung ZH": which checklist
// a message asks for, if any.
import type { CantonCode } from '../knowledge/schema.js';
import { words } from '../understanding/normalize.js';

const CHECKLIST_WORDS = ['checklist', 'checkliste', 'liste de controle', 'lista di controllo', 'check list'];
const EISP_WORDS = ['eisp', 'usbi', 'convention', 'conventions', 'vereinbarung', 'leistungsvereinbarung', 'convenzione', 'agreement'];
const REFERRAL_WORDS = ['referral', 'signalement', 'orientation', 'annonce', 'anmeldung', 'zuweisung', 'segnalazione', 'triage', 'cas', 'fall', 'caso', 'case'];
const ORGANISMES: Record<string, 'aide-sociale' | 'ac' | 'ai'> = {
  as: 'aide-sociale', sh: 'aide-sociale', sozialhilfe: 'aide-sociale', 'aide sociale': 'aide-sociale', 'assistenza sociale': 'aide-sociale', 'social assistance': 'aide-sociale',
  ac: 'ac', alv: 'ac', ad: 'ac', chomage: 'ac', orp: 'ac', rav: 'ac', 'unemployment insurance': 'ac',
  ai: 'ai', iv: 'ai', invalidite: 'ai', 'disability insurance': 'ai',
};

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
    const canton = findCanton(text.replace(/\b(checklist|checkliste|referral)\b/gi, ' '));
    return canton ? { key: `referral:${canton}` } : { missingCanton: true };
  }
  return { key: 'eisp' };
}

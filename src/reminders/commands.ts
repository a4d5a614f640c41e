// Reminder commands in four languages: create ("remind …", "rappel …", "erinnere mich …",
// "ricordami …"), list, cancel and snooze.
import { words } from '../understanding/normalize.js';

export type ReminderCommand =
  | { kind: 'create'; rest: string }
  | { kind: 'list' }
  | { kind: 'cancel'; id: string }
  | { kind: 'snooze'; id: string; rest: string };

const CREATE = /^\s*(?:remind(?:\s+me)?|reminder|rappelle[- ]moi|rappel(?:er)?|erinnere\s+mich|erinnerung|ricordami|promemoria)\b[\s:,]*/i;
const LIST = new Set(['reminders', 'rappels', 'erinnerungen', 'promemoria', 'list reminders', 'liste des rappels', 'liste rappels', 'erinnerungen anzeigen', 'elenco promemoria']);
const CANCEL = ['cancel', 'delete', 'annuler', 'supprimer', 'loschen', 'abbrechen', 'annulla', 'elimina'];
const SNOOZE = ['snooze', 'reporter', 'repousser', 'verschieben', 'rinvia', 'posticipa'];

export function reminderCommand(text: string): ReminderCommand | undefined {
  const ws = words(text);
  if (LIST.has(ws.join(' '))) return { kind: 'list' };
  const id = /#?([0-9a-f]{8})\b/.exec(text)?.[1];
  if (id && ws.some((w) => CANCEL.includes(w))) return { kind: 'cancel', id };
  if (id && ws.some((w) => SNOOZE.includes(w))) return { kind: 'snooze', id, rest: text.replace(/#?[0-9a-f]{8}\b/, ' ').replace(new RegExp(`\\b(${SNOOZE.join('|')})\\b`, 'i'), ' ').trim() };
  const create = CREATE.exec(text);
  if (create) return { kind: 'create', rest: text.slice(create[0].length) };
  return undefined;
}

// Reminder commands in four languages: create ("remind …", "rappel …", "erinnere mich …",
// "ricordami …"), list, cancel and snooze. The words are in locales/<language>/commands.yaml
// (reminder.create, reminder.list, reminder.cancel, reminder.snooze).
import { allCues } from '../locales.js';
import { words } from '../understanding/normalize.js';

export type ReminderCommand =
  | { kind: 'create'; rest: string }
  | { kind: 'list' }
  | { kind: 'cancel'; id: string }
  | { kind: 'snooze'; id: string; rest: string };

/** A create phrase as a pattern: words apart by any spaces, a hyphen also written as one space ("rappelle-moi"). */
const createPattern = (phrase: string) => phrase.split(' ').map((w) => w.split('-').join('[- ]')).join(String.raw`\s+`);

/** Longest phrases first: "remind me" before "remind". */
const CREATE = new RegExp(
  String.raw`^\s*(?:${allCues('reminder.create').sort((a, b) => b.length - a.length).map(createPattern).join('|')})\b[\s:,]*`,
  'i',
);
const LIST = new Set(allCues('reminder.list'));
const CANCEL = allCues('reminder.cancel');
const SNOOZE = allCues('reminder.snooze');

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

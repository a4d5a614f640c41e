// What a reminder says when it is posted, and the assistant's replies about reminders.
import type { Language } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { whenText, type Reminder } from './service.js';

export const REMINDER_TEXT = catalog('reminders', ['posted', 'late', 'openItems', 'created', 'next', 'none', 'cancelled', 'snoozed', 'unknown', 'paused', 'pausedNotice', 'notUnderstood'] as const);

/** The message posted for an occurrence. */
export function reminderMessage(reminder: Reminder, dueAt: string, late: boolean, openItems?: number): string {
  const l: Language = reminder.language;
  const lateText = late ? ` (${REMINDER_TEXT.late[l]} ${whenText(dueAt, l)})` : '';
  const items = openItems !== undefined ? `\n${openItems} ${REMINDER_TEXT.openItems[l]}.` : '';
  return `${REMINDER_TEXT.posted[l]}${lateText}: ${reminder.what}${items}`;
}

export function reminderLine(reminder: Reminder, language: Language): string {
  const when = reminder.nextAt ? whenText(reminder.nextAt, language) : '—';
  const state = reminder.status === 'paused' ? ` (${REMINDER_TEXT.paused[language]})` : '';
  return `#${reminder.id} — ${when}${state}: ${reminder.what}`;
}

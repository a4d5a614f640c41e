// What a reminder says when it is posted, and the assistant's replies about reminders.
import type { Localized } from '../i18n.js';
import type { Language } from '../knowledge/schema.js';
import { whenText, type Reminder } from './service.js';

export const REMINDER_TEXT = {
  posted: { fr: '⏰ Rappel', de: '⏰ Erinnerung', it: '⏰ Promemoria', en: '⏰ Reminder' },
  late: { fr: 'en retard, prévu le', de: 'verspätet, vorgesehen am', it: 'in ritardo, previsto il', en: 'late, due on' },
  openItems: { fr: 'points encore ouverts dans la checklist', de: 'noch offene Punkte in der Checkliste', it: 'punti ancora aperti nella lista', en: 'items still open in the checklist' },
  created: { fr: 'Rappel enregistré', de: 'Erinnerung gespeichert', it: 'Promemoria registrato', en: 'Reminder saved' },
  next: { fr: 'prochain', de: 'nächste', it: 'prossimo', en: 'next' },
  none: { fr: 'Aucun rappel dans cette conversation.', de: 'Keine Erinnerungen in dieser Unterhaltung.', it: 'Nessun promemoria in questa conversazione.', en: 'No reminders in this conversation.' },
  cancelled: { fr: 'Rappel supprimé.', de: 'Erinnerung gelöscht.', it: 'Promemoria eliminato.', en: 'Reminder cancelled.' },
  snoozed: { fr: 'Rappel reporté au', de: 'Erinnerung verschoben auf', it: 'Promemoria rinviato al', en: 'Reminder snoozed until' },
  unknown: { fr: 'Je ne trouve pas ce rappel ici.', de: 'Diese Erinnerung finde ich hier nicht.', it: 'Non trovo questo promemoria qui.', en: "I can't find that reminder here." },
  paused: { fr: 'en pause', de: 'pausiert', it: 'in pausa', en: 'paused' },
  pausedNotice: { fr: "Votre rappel a été mis en pause : son canal n'est plus joignable", de: 'Ihre Erinnerung wurde pausiert: ihr Kanal ist nicht mehr erreichbar', it: 'Il suo promemoria è stato messo in pausa: il suo canale non è più raggiungibile', en: 'Your reminder was paused: its channel can no longer be reached' },
  notUnderstood: {
    fr: "Je n'ai pas compris la date. Exemples : « rappel demain 9h revoir le dossier », « rappel chaque lundi à 9h point CII », « rappel dans 2 semaines bilan ».",
    de: 'Das Datum habe ich nicht verstanden. Beispiele: «erinnere mich morgen um 9 Uhr Fall prüfen», «Erinnerung jeden Montag um 9 Uhr IIZ-Runde», «Erinnerung in 2 Wochen Standortgespräch».',
    it: 'Non ho capito la data. Esempi: «ricordami domani alle 9 verificare il caso», «promemoria ogni lunedì alle 9 riunione CII», «promemoria tra 2 settimane bilancio».',
    en: 'I did not understand the date. Examples: "remind tomorrow 9am review the file", "remind every Monday at 9:00 CII meeting", "remind in 2 weeks review".',
  },
} satisfies Record<string, Localized>;

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

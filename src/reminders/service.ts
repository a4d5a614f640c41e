// Reminders for coordination channels: created, listed, cancelled and snoozed from any channel,
// and posted by the scheduler. A reminder belongs to the conversation it was created in.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Language } from '../knowledge/schema.js';
import type { Store } from '../store/store.js';
import { ZONE, type Schedule } from './parse.js';
import { nextOccurrence } from './schedule.js';
import { dateLocale } from '../locales.js';

export const REMINDERS = 'reminders';


export interface Reminder {
  id: string;
  /** The conversation it posts to, as the bot names it: "web:…", "teams:…", "slack:…". */
  conversationId: string;
  creator: { id: string; name?: string };
  language: Language;
  what: string;
  schedule: Schedule;
  /** The next occurrence to post (UTC ISO); absent once a one-off reminder is done. */
  nextAt?: string;
  status: 'active' | 'paused' | 'done';
  createdAt: string;
  /** Failed posts of the current occurrence, and when to try again. */
  failures: number;
  retryAt?: string;
  pausedReason?: string;
  /** A checklist whose open items the reminder counts when it is posted. */
  checklistId?: string;
  /** A digest: what it posts is computed at each occurrence (the reported gaps), not `what`. */
  digest?: 'gaps';
}

/** A conversation id is its channel's name, a colon and the channel's own id ("teams:19:abc…"). */
export function channelOf(conversationId: string): { channel: string; target: string } | undefined {
  const at = conversationId.indexOf(':');
  return at > 0 ? { channel: conversationId.slice(0, at), target: conversationId.slice(at + 1) } : undefined;
}

export class Reminders {
  constructor(
    private readonly store: Store,
    private readonly now: () => DateTime = () => DateTime.now(),
  ) {}

  async create(input: Pick<Reminder, 'conversationId' | 'creator' | 'language' | 'what' | 'schedule' | 'checklistId' | 'digest'>): Promise<Reminder | undefined> {
    const next = nextOccurrence(input.schedule, this.now());
    if (!next) return undefined;
    const reminder: Reminder = { ...input, id: randomUUID().slice(0, 8), nextAt: next.toUTC().toISO()!, status: 'active', createdAt: this.now().toUTC().toISO()!, failures: 0 };
    await this.store.put(REMINDERS, reminder.id, reminder);
    return reminder;
  }

  /** The conversation's reminders that are still to come, the next first. */
  async list(conversationId: string): Promise<Reminder[]> {
    const all = await this.store.list<Reminder>(REMINDERS);
    return all
      .map(([, r]) => r)
      .filter((r) => r.conversationId === conversationId && r.status !== 'done')
      .sort((a, b) => (a.nextAt ?? '').localeCompare(b.nextAt ?? ''));
  }

  /** Everything a user created and that is still to come, anywhere. */
  async byCreator(userId: string): Promise<Reminder[]> {
    const all = await this.store.list<Reminder>(REMINDERS);
    return all.map(([, r]) => r).filter((r) => r.creator.id === userId && r.status !== 'done');
  }

  async cancel(conversationId: string, id: string): Promise<boolean> {
    let found = false;
    await this.store.update<Reminder>(REMINDERS, id, (r) => {
      found = r?.conversationId === conversationId;
      return found ? undefined : r;
    });
    return found;
  }

  /** Moves the next occurrence later; a paused reminder becomes active again. */
  async snooze(conversationId: string, id: string, until: DateTime): Promise<Reminder | undefined> {
    return this.store.update<Reminder>(REMINDERS, id, (r) =>
      r && r.conversationId === conversationId ? { ...r, nextAt: until.toUTC().toISO()!, status: 'active', failures: 0, retryAt: undefined, pausedReason: undefined } : r,
    ).then((r) => (r?.conversationId === conversationId ? r : undefined));
  }
}

/** A moment as a Zurich reader reads it, in their language. */
export function whenText(iso: string, language: Language): string {
  return DateTime.fromISO(iso, { zone: ZONE }).setLocale(dateLocale(language)).toFormat('cccc d LLLL yyyy, HH:mm');
}

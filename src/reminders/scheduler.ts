// Posts due reminders exactly once. Each occurrence has an idempotency key (reminder id and
// time); an instance claims it with a lease before posting and records it as posted after. A crash
// between the two leaves a claim whose lease runs out: the occurrence is posted again with the same
// key, which the channel (or the web chat's store) recognises. Occurrences missed while down are
// posted once and marked late, one per reminder. Failed posts are retried with backoff and
// reported; a channel that is gone or a revoked token pauses the reminder and tells its creator.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { nextOccurrence } from './schedule.js';
import { REMINDERS, channelOf, type Reminder } from './service.js';
import { reminderMessage } from './text.js';

const CLAIMS = 'reminder-claims';
/** How long a claim holds before another instance (or a restart) may take the occurrence over. */
export const LEASE_MS = 60_000;
/** An occurrence posted this long after its time says it is late. */
export const LATE_AFTER_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;

interface Claim {
  owner: string;
  leaseUntil: number;
  posted?: boolean;
}

export interface Delivery {
  reminder: Reminder;
  /** What to post, in the reminder's language. */
  text: string;
  /** The idempotency key of this occurrence. */
  key: string;
  /** When it was due (UTC ISO). */
  dueAt: string;
  late: boolean;
}

export type DeliveryResult = { ok: true } | { ok: false; gone: boolean; reason: string };

/** Posts to one kind of channel; also tells a reminder's creator that it was paused. */
export interface Deliverer {
  deliver(delivery: Delivery): Promise<DeliveryResult>;
  tellCreator(reminder: Reminder, reason: string): Promise<void>;
}

export class Scheduler {
  private readonly owner = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly store: Store,
    /** The deliverer of each channel, by the channel's name. */
    private readonly deliverers: ReadonlyMap<string, Deliverer>,
    private readonly logger: Logger,
    private readonly now: () => DateTime = () => DateTime.now(),
    private readonly textFor: (reminder: Reminder, dueAt: string, late: boolean) => Promise<string> = async (r, d, l) => reminderMessage(r, d, l),
    private readonly leaseMs: number = LEASE_MS,
  ) {}

  start(everyMs = 15_000): void {
    const run = () => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    };
    run();
    this.timer = setInterval(run, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Posts every due occurrence this instance can claim; returns how many were posted. */
  async tick(): Promise<number> {
    const now = this.now();
    const due = (await this.store.list<Reminder>(REMINDERS))
      .map(([, r]) => r)
      .filter((r) => r.status === 'active' && r.nextAt && DateTime.fromISO(r.nextAt) <= now && (!r.retryAt || DateTime.fromISO(r.retryAt) <= now));
    let posted = 0;
    for (const reminder of due) if (await this.post(reminder, now)) posted++;
    return posted;
  }

  private async claim(key: string, now: DateTime): Promise<boolean> {
    // SKIP LOCKED where the store has it: an occurrence another instance is claiming is theirs.
    const mine = await this.store.tryUpdate<Claim>(CLAIMS, key, (current) => {
      if (current?.posted) return current;
      if (current && current.owner !== this.owner && current.leaseUntil > now.toMillis()) return current;
      return { owner: this.owner, leaseUntil: now.toMillis() + this.leaseMs };
    }, { ttlMs: 7 * 24 * 60 * 60_000 });
    return mine?.owner === this.owner && !mine.posted;
  }

  private async post(reminder: Reminder, now: DateTime): Promise<boolean> {
    const dueAt = reminder.nextAt!;
    const key = `${reminder.id}@${dueAt}`;
    const channel = channelOf(reminder.conversationId)?.channel;
    const deliverer = channel === undefined ? undefined : this.deliverers.get(channel);
    if (!deliverer || !(await this.claim(key, now))) return false;
    const late = now.toMillis() - DateTime.fromISO(dueAt).toMillis() > LATE_AFTER_MS;
    let result: DeliveryResult;
    try {
      result = await deliverer.deliver({ reminder, key, dueAt, late, text: await this.textFor(reminder, dueAt, late) });
    } catch (error) {
      result = { ok: false, gone: false, reason: (error as Error).name };
    }
    if (result.ok) {
      await this.store.update<Claim>(CLAIMS, key, (c) => ({ ...(c ?? { owner: this.owner, leaseUntil: 0 }), posted: true }));
      // The next occurrence after now: occurrences missed while down are not posted one by one.
      const next = nextOccurrence(reminder.schedule, DateTime.max(now, DateTime.fromISO(dueAt)));
      await this.store.update<Reminder>(REMINDERS, reminder.id, (r) =>
        r && { ...r, failures: 0, retryAt: undefined, ...(next ? { nextAt: next.toUTC().toISO()! } : { nextAt: undefined, status: 'done' as const }) },
      );
      this.logger.info({ event: 'reminder-posted', reminder: reminder.id, late }, 'reminder posted');
      return true;
    }
    await this.store.delete(CLAIMS, key);
    if (result.gone) {
      await this.store.update<Reminder>(REMINDERS, reminder.id, (r) => r && { ...r, status: 'paused', pausedReason: result.reason });
      this.logger.warn({ event: 'reminder-paused', reminder: reminder.id, reason: result.reason }, 'reminder paused: its channel is gone');
      await deliverer.tellCreator(reminder, result.reason).catch(() => undefined);
      return false;
    }
    const failures = reminder.failures + 1;
    const backoff = Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** (failures - 1));
    await this.store.update<Reminder>(REMINDERS, reminder.id, (r) => r && { ...r, failures, retryAt: now.plus({ milliseconds: backoff }).toUTC().toISO()! });
    this.logger.warn({ event: 'reminder-post-failed', reminder: reminder.id, failures, retryInMs: backoff, reason: result.reason }, 'reminder post failed; will retry');
    return false;
  }
}

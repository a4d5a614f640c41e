// The scheduler with a fake clock: each occurrence posted once, late after downtime (once per
// reminder), retried with backoff, paused when the channel is gone, claimed by one instance only.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { ZONE, parseReminder } from '../../src/reminders/parse.js';
import { Scheduler, type Delivery, type DeliveryResult, type Deliverer } from '../../src/reminders/scheduler.js';
import { Reminders } from '../../src/reminders/service.js';
import { LowStore } from '../../src/store/lowdb.js';

class Recorder implements Deliverer {
  posted: Delivery[] = [];
  told: string[] = [];
  constructor(public result: () => DeliveryResult = () => ({ ok: true })) {}
  async deliver(d: Delivery): Promise<DeliveryResult> {
    const r = this.result();
    if (r.ok) this.posted.push(d);
    return r;
  }
  async tellCreator(_r: unknown, reason: string): Promise<void> {
    this.told.push(reason);
  }
}

function setup(start: string) {
  let now = DateTime.fromISO(start, { zone: ZONE });
  const clock = () => now;
  const store = LowStore.inMemory(() => now.toMillis());
  const reminders = new Reminders(store, clock);
  const web = new Recorder();
  const scheduler = new Scheduler(store, new Map([['web', web]]), createLogger('silent'), clock);
  const create = async (text: string) => {
    const parsed = parseReminder(text, 'en', now)!;
    return (await reminders.create({ conversationId: 'web:room', creator: { id: 'u' }, language: 'en', what: parsed.what, schedule: parsed.schedule }))!;
  };
  return { store, reminders, web, scheduler, create, clock, advance: (iso: string) => (now = DateTime.fromISO(iso, { zone: ZONE })) };
}

describe('the reminder scheduler', () => {
  it('posts an occurrence once at its time, not before and not twice', async () => {
    const s = setup('2027-03-25T08:00');
    await s.create('tomorrow 9am review the referral');
    expect(await s.scheduler.tick()).toBe(0);
    s.advance('2027-03-26T09:00:30');
    expect(await s.scheduler.tick()).toBe(1);
    expect(await s.scheduler.tick()).toBe(0);
    expect(s.web.posted.map((d) => [d.text, d.late])).toEqual([['⏰ Reminder: review the referral', false]]);
  });

  it('after three weeks down, posts a weekly reminder once, marked late, then on time again', async () => {
    const s = setup('2027-03-20T12:00');
    await s.create('every Monday at 9:00 CII round');
    s.advance('2027-04-12T10:00');
    expect(await s.scheduler.tick()).toBe(1);
    expect(await s.scheduler.tick()).toBe(0);
    expect(s.web.posted).toHaveLength(1);
    expect(s.web.posted[0]!.late).toBe(true);
    expect(s.web.posted[0]!.text).toMatch(/late, due on Monday 22 March 2027, 09:00/);
    s.advance('2027-04-19T09:00:10');
    expect(await s.scheduler.tick()).toBe(1);
    expect(s.web.posted[1]!.late).toBe(false);
  });

  it('retries a failed post with backoff and reports it, without dropping it', async () => {
    const s = setup('2027-01-10T08:00');
    let fail = true;
    s.web.result = () => (fail ? { ok: false, gone: false, reason: 'HTTP 503' } : { ok: true });
    const r = await s.create('tomorrow 9am call');
    s.advance('2027-01-11T09:00:00');
    expect(await s.scheduler.tick()).toBe(0);
    const after = (await s.reminders.list('web:room'))[0]!;
    expect(after).toMatchObject({ id: r.id, failures: 1, status: 'active' });
    s.advance('2027-01-11T09:00:20');
    expect(await s.scheduler.tick()).toBe(0); // still within the backoff
    fail = false;
    s.advance('2027-01-11T09:01:00');
    expect(await s.scheduler.tick()).toBe(1);
    expect(s.web.posted).toHaveLength(1);
  });

  it('pauses a reminder whose channel is gone and tells its creator', async () => {
    const s = setup('2027-01-10T08:00');
    s.web.result = () => ({ ok: false, gone: true, reason: 'channel_not_found' });
    await s.create('every day at 9:00 check');
    s.advance('2027-01-10T09:00:00');
    await s.scheduler.tick();
    expect((await s.reminders.list('web:room'))[0]).toMatchObject({ status: 'paused', pausedReason: 'channel_not_found' });
    expect(s.web.told).toEqual(['channel_not_found']);
    s.advance('2027-01-11T09:00:00');
    expect(await s.scheduler.tick()).toBe(0);
  });

  it('lets only one of two instances post an occurrence', async () => {
    const s = setup('2027-01-10T08:00');
    await s.create('today 9am meeting');
    await s.create('every day at 9:00 round');
    const other = new Recorder();
    const second = new Scheduler(s.store, new Map([['web', other]]), createLogger('silent'), s.clock);
    s.advance('2027-01-10T09:00:00');
    const [a, b] = await Promise.all([s.scheduler.tick(), second.tick()]);
    expect(a + b).toBe(2);
    expect(s.web.posted.length + other.posted.length).toBe(2);
    expect(new Set([...s.web.posted, ...other.posted].map((d) => d.key)).size).toBe(2);
  });

  it('lists, snoozes and cancels from the conversation only', async () => {
    const s = setup('2027-01-10T08:00');
    const r = await s.create('every Monday at 9:00 round');
    expect(await s.reminders.list('web:elsewhere')).toEqual([]);
    expect(await s.reminders.cancel('web:elsewhere', r.id)).toBe(false);
    const snoozed = await s.reminders.snooze('web:room', r.id, DateTime.fromISO('2027-01-20T10:00', { zone: ZONE }));
    expect(snoozed?.nextAt).toBe('2027-01-20T09:00:00.000Z');
    expect(await s.reminders.cancel('web:room', r.id)).toBe(true);
    expect(await s.reminders.list('web:room')).toEqual([]);
  });
});

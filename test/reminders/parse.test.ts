// Reminder times as people write them, in Zurich time, right across the daylight-saving changes.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZONE, parseReminder } from '../../src/reminders/parse.js';
import { nextOccurrence } from '../../src/reminders/schedule.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const local = (d: DateTime | undefined) => d?.setZone(ZONE).toFormat("yyyy-MM-dd HH:mm ZZ");

function occurrences(text: string, language: 'fr' | 'de' | 'it' | 'en', from: DateTime, count: number): string[] {
  const parsed = parseReminder(text, language, from)!;
  const out: string[] = [];
  let cursor = from;
  for (let i = 0; i < count; i++) {
    const next = nextOccurrence(parsed.schedule, cursor);
    if (!next) break;
    out.push(local(next)!);
    cursor = next;
  }
  return out;
}

describe('one-off reminders', () => {
  it.each([
    ['fr', 'demain 9h revoir le dossier', '2026-11-23 09:00 +01:00', 'revoir le dossier'],
    ['de', 'am 3. Dezember um 9 Uhr Standortgespräch', '2026-12-03 09:00 +01:00', 'Standortgespräch'],
    ['it', 'domani alle 14 chiamare URC', '2026-11-23 14:00 +01:00', 'chiamare URC'],
    ['en', 'in 2 weeks review this referral', '2026-12-06 10:30 +01:00', 'review this referral'],
  ] as const)('%s: %s', (language, text, when, what) => {
    const parsed = parseReminder(text, language, at('2026-11-22T10:30'))!;
    expect(parsed.what).toBe(what);
    expect(local(nextOccurrence(parsed.schedule, at('2026-11-22T10:30')))).toBe(when);
  });

  it('keeps the wall-clock time across the spring change: in 1 week from 25 March at 12:00', () => {
    expect(occurrences('in 1 week call the ORP', 'en', at('2027-03-25T12:00'), 1)).toEqual(['2027-04-01 12:00 +02:00']);
  });

  it('does not post a one-off reminder twice', () => {
    const parsed = parseReminder('tomorrow 9am check', 'en', at('2026-11-22T10:00'))!;
    const first = nextOccurrence(parsed.schedule, at('2026-11-22T10:00'))!;
    expect(nextOccurrence(parsed.schedule, first)).toBeUndefined();
  });
});

describe('recurring reminders', () => {
  it('"chaque lundi à 9h" stays at 9:00 across the last Sunday of March', () => {
    expect(occurrences('chaque lundi à 9h point CII', 'fr', at('2027-03-20T12:00'), 3)).toEqual([
      '2027-03-22 09:00 +01:00',
      '2027-03-29 09:00 +02:00',
      '2027-04-05 09:00 +02:00',
    ]);
  });

  it('"jeden Montag um 9 Uhr" stays at 9:00 across the last Sunday of October', () => {
    expect(occurrences('jeden Montag um 9 Uhr IIZ-Runde', 'de', at('2027-10-23T12:00'), 3)).toEqual([
      '2027-10-25 09:00 +02:00',
      '2027-11-01 09:00 +01:00',
      '2027-11-08 09:00 +01:00',
    ]);
  });

  it('"every first Tuesday of the month at 8:30"', () => {
    expect(occurrences('every first Tuesday of the month at 8:30 steering committee', 'en', at('2027-02-10T12:00'), 3)).toEqual([
      '2027-03-02 08:30 +01:00',
      '2027-04-06 08:30 +02:00',
      '2027-05-04 08:30 +02:00',
    ]);
  });

  it('"ogni primo martedì del mese alle 8.30" and its Italian text', () => {
    const parsed = parseReminder('ogni primo martedì del mese alle 8.30 comitato', 'it', at('2027-02-10T12:00'))!;
    expect(parsed.schedule).toEqual({ kind: 'recurring', rule: 'FREQ=MONTHLY;BYDAY=+1TU;BYHOUR=8;BYMINUTE=30' });
    expect(parsed.what).toBe('comitato');
  });

  it('a daily 2:30 skips the hour that does not exist in spring and happens once in autumn', () => {
    expect(occurrences('every day at 2:30 backup check', 'en', at('2027-03-27T12:00'), 2)).toEqual(['2027-03-28 03:30 +02:00', '2027-03-29 02:30 +02:00']);
    // 2:30 comes twice on 31 October; the reminder comes once (either of the two is 2:30).
    const autumn = occurrences('every day at 2:30 backup check', 'en', at('2027-10-30T12:00'), 3).map((o) => o.slice(0, 16));
    expect(autumn).toEqual(['2027-10-31 02:30', '2027-11-01 02:30', '2027-11-02 02:30']);
  });

  it('refuses what it cannot read', () => {
    expect(parseReminder('quand tu veux', 'fr', at('2027-02-10T12:00'))).toBeUndefined();
  });
});

describe('relative reminders', () => {
  it('are due to the second: "in 1 minute" is sixty seconds from now, never at the start of the minute', () => {
    const now = DateTime.fromISO('2026-12-04T18:00:37.500Z');
    for (const [text, language, seconds] of [['in 1 minute check the file', 'en', 60], ['dans 10 minutes appeler', 'fr', 600], ['in 2 Stunden Fall prüfen', 'de', 7200]] as const) {
      const parsed = parseReminder(text, language, now);
      expect(parsed?.schedule.kind, text).toBe('once');
      const at = DateTime.fromISO(parsed!.schedule.kind === 'once' ? parsed!.schedule.at : '');
      expect(at.diff(now, 'seconds').seconds, text).toBe(seconds);
    }
  });
});

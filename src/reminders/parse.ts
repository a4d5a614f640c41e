// "remind <when> <what>" in French, German, Italian and English: one-off dates through chrono-node
// ("demain 9h", "am 3. Dezember um 9 Uhr", "in 2 weeks"), recurring ones ("chaque lundi à 9h",
// "every first Tuesday of the month at 8:30") into an RFC 5545 rule for the rrule library. All in
// Europe/Zurich wall-clock time, so that 9:00 stays 9:00 across daylight-saving changes. The words
// of recurring dates are the lists schedule.* of locales/<language>/dates.yaml; chrono-node has its own.
import type * as Chrono from 'chrono-node';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import type { Language } from '../knowledge/schema.js';
import { allCues, alternatives } from '../locales.js';
import { fold } from '../understanding/normalize.js';

export const ZONE = 'Europe/Zurich';

export type Schedule =
  | { kind: 'once'; at: string }
  /** An RRULE (FREQ, BYDAY, BYMONTHDAY, BYHOUR, BYMINUTE) read in ZONE's wall-clock time. */
  | { kind: 'recurring'; rule: string };

export interface ParsedReminder {
  schedule: Schedule;
  what: string;
}

/** Words or phrases as a regular expression's alternatives; one that never matches for none. */
const anyOf = (phrases: readonly string[]) => (phrases.length > 0 ? alternatives(phrases) : '(?!)');

/** Each weekday's RRULE code and the names of its list (schedule.monday…). */
const WEEKDAYS: [string, string[]][] = Object.entries({ MO: 'monday', TU: 'tuesday', WE: 'wednesday', TH: 'thursday', FR: 'friday', SA: 'saturday', SU: 'sunday' })
  .map(([code, day]) => [code, allCues(`schedule.${day}`)]);
/** Which weekday of the month (-1: the last) and its list (schedule.ordinal.first…). */
const ORDINALS: [number, string[]][] = ([[1, 'first'], [2, 'second'], [3, 'third'], [4, 'fourth'], [-1, 'last']] as const)
  .map(([nth, name]) => [nth, allCues(`schedule.ordinal.${name}`)]);
const EVERY = new RegExp(String.raw`\b(${anyOf(allCues('schedule.every'))})\b`);
const DAILY = new RegExp(String.raw`\b(${anyOf(allCues('schedule.daily'))})\b`);
const MONTH = new RegExp(String.raw`\b(${anyOf(allCues('schedule.month'))})\b`);
/** The words before an hour: "à/um/alle/ore/at". */
const TIME_CUES = anyOf(allCues('schedule.time'));
/** What follows an hour: "h", ":", "." and the words ("Uhr"). */
const HOUR_MARKS = alternatives(['h', ':', '.', ...allCues('schedule.oclock')]);
/** "9h", "8:30", "8.30", "9 Uhr", "9am", or a bare hour after "à/um/alle/at" ("alle 9"). */
const TIME_TEXT = String.raw`(?:\b(?:${TIME_CUES})\s+)?\b(\d{1,2})(?:\s*(?:${HOUR_MARKS})\s*(\d{2})?|\s*(am|pm)\b|(?=\s|$))`;
const HOUR_MARKED = new RegExp(`${HOUR_MARKS}|am|pm`);
const AFTER_TIME_CUE = new RegExp(String.raw`^(${TIME_CUES})\s`);
/** A day of the month after its article: "le 15", "am 15.", "il 15", "on the 15th". */
const DAY_OF_MONTH = new RegExp(String.raw`\b(?:${anyOf(allCues('schedule.day'))})\s+(\d{1,2})(?:er|e|\.|th|st|nd|rd)?\b`);

function time(folded: string): { hour: number; minute: number; text?: string } {
  // A bare number counts as an hour only after "à/um/alle/at"; "9h", "8:30", "9am" count anywhere.
  const m = [...folded.matchAll(new RegExp(TIME_TEXT, 'g'))].find((x) => HOUR_MARKED.test(x[0].replace(/^\D+\s/, '')) || AFTER_TIME_CUE.test(x[0]));
  if (!m) return { hour: 9, minute: 0 };
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const meridiem = m[3];
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return hour <= 23 && minute <= 59 ? { hour, minute, text: m[0].trim() } : { hour: 9, minute: 0 };
}

/** Recurring phrases; undefined when the text has no "every …". */
function recurring(text: string): ParsedReminder | undefined {
  const folded = fold(text);
  const every = EVERY.exec(folded);
  if (!every) return undefined;
  const after = folded.slice(every.index);
  const words = after.split(/[^a-z0-9]+/);
  const t = time(after);
  const weekday = WEEKDAYS.find(([, names]) => words.some((w) => names.includes(w)))?.[0];
  const nth = ORDINALS.find(([, names]) => words.some((w) => names.includes(w)))?.[0];
  const day = DAY_OF_MONTH.exec(after)?.[1];
  let rule: string | undefined;
  if (weekday && nth !== undefined && MONTH.test(after)) rule = `FREQ=MONTHLY;BYDAY=${nth > 0 ? `+${nth}` : nth}${weekday}`;
  else if (weekday) rule = `FREQ=WEEKLY;BYDAY=${weekday}`;
  else if (MONTH.test(after) && day) rule = `FREQ=MONTHLY;BYMONTHDAY=${Number(day)}`;
  else if (DAILY.test(after)) rule = 'FREQ=DAILY';
  if (!rule) return undefined;
  // What to be reminded of: the words after the schedule, or before it.
  const what = whatOf(text, t.text);
  return { schedule: { kind: 'recurring', rule: `${rule};BYHOUR=${t.hour};BYMINUTE=${t.minute}` }, what };
}

/** The words taken out with the schedule: the filler words, weekdays and ordinals (all folded). */
const SCHEDULE_WORDS = new Set([...allCues('schedule.filler'), ...WEEKDAYS.flatMap(([, n]) => n), ...ORDINALS.flatMap(([, n]) => n)]);

/** The text left once the schedule words and the time are taken out. */
function whatOf(text: string, timeText: string | undefined): string {
  const time = new Set((timeText ?? '').split(/\s+/).filter(Boolean));
  const rest = text.split(/\s+/).filter((w) => {
    const f = fold(w).replace(/[^a-z0-9:.]/g, '').replace(/\.$/, '');
    return w && !SCHEDULE_WORDS.has(f) && !time.has(f);
  });
  return rest.join(' ').replace(/^[,:;\s-]+|[,:;\s-]+$/g, '').trim();
}

/** chrono-node loads on the first reminder: a tenth of a second of start-up saved. */
let parsers: Record<Language, Chrono.Chrono> | undefined;
function parser(language: Language): Chrono.Chrono {
  if (!parsers) {
    const chrono = createRequire(import.meta.url)('chrono-node') as typeof Chrono;
    parsers = { fr: chrono.fr, de: chrono.de, it: chrono.it, en: chrono.en } as unknown as Record<Language, Chrono.Chrono>;
  }
  return parsers[language];
}

/**
 * A one-off date. chrono reads the text against "now" written as Zurich wall-clock time in UTC, so
 * the components it returns are Zurich's; luxon then places them in the zone.
 */
function once(text: string, language: Language, now: DateTime): ParsedReminder | undefined {
  const local = now.setZone(ZONE);
  // To the millisecond: "in 10 minutes" is ten minutes from now, not from the start of this minute.
  const floating = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond));
  const order = [language, ...(['fr', 'de', 'it', 'en'] as Language[]).filter((l) => l !== language)];
  for (const lang of order) {
    const [result] = parser(lang).parse(text, { instant: floating, timezone: 0 }, { forwardDate: true });
    if (!result) continue;
    const get = (k: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond') => result.start.get(k) ?? undefined;
    const timeKnown = result.start.isCertain('hour');
    const at = DateTime.fromObject(
      timeKnown
        ? { year: get('year')!, month: get('month')!, day: get('day')!, hour: get('hour')!, minute: get('minute')!, second: get('second') ?? 0, millisecond: get('millisecond') ?? 0 }
        : { year: get('year')!, month: get('month')!, day: get('day')!, hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond },
      { zone: ZONE },
    );
    if (!at.isValid) continue;
    const what = `${text.slice(0, result.index)} ${text.slice(result.index + result.text.length)}`.replace(/\s+/g, ' ').replace(/^[,:;\s-]+|[,:;\s-]+$/g, '').trim();
    return { schedule: { kind: 'once', at: at.toUTC().toISO()! }, what };
  }
  return undefined;
}

export function parseReminder(text: string, language: Language, now: DateTime = DateTime.now()): ParsedReminder | undefined {
  return recurring(text) ?? once(text, language, now);
}

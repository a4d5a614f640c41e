// The next occurrence of a schedule after a moment. Recurring rules are expanded by rrule in
// "floating" wall-clock time (Zurich's local time written as UTC) and placed in the zone by luxon,
// so that "every Monday at 9:00" is 9:00 in winter and in summer.
import { DateTime } from 'luxon';
import rrule from 'rrule';
import { ZONE, type Schedule } from './parse.js';

const { RRule } = rrule;

function floating(moment: DateTime): Date {
  const local = moment.setZone(ZONE);
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function fromFloating(date: Date): DateTime {
  return DateTime.fromObject(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes() },
    { zone: ZONE },
  );
}

/** The first occurrence strictly after `after`, or undefined when there is none. */
export function nextOccurrence(schedule: Schedule, after: DateTime): DateTime | undefined {
  if (schedule.kind === 'once') {
    const at = DateTime.fromISO(schedule.at, { zone: ZONE });
    return at > after ? at : undefined;
  }
  const rule = new RRule({ ...RRule.parseString(schedule.rule), dtstart: floating(after.minus({ days: 1 })) });
  // Several local times can map to the same instant (the autumn hour repeats): step until later.
  let cursor = floating(after);
  for (let i = 0; i < 4; i++) {
    const next = rule.after(cursor, false);
    if (!next) return undefined;
    const at = fromFloating(next);
    if (at > after) return at;
    cursor = next;
  }
  return undefined;
}

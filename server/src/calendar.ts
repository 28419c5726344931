import { SERVICE_TIME_ZONE, addDays, isIsoDate, todayIso } from '@careweave/shared';

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * A date and time as the API accepts it: with a zone (`…Z`, `…+01:00`) as given, or without
 * one (a form's `datetime-local`) as the wall clock in the service's time zone; null if invalid.
 */
export function parseServiceTime(value: string, timeZone = SERVICE_TIME_ZONE): Date | null {
  const parts = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(.*)$/.exec(
    value.trim(),
  );
  if (!parts) return null;
  const [, date, hour, minute, second = '0', zone] = parts as unknown as string[];
  // Date.UTC and Date.parse would roll 30 February or 25:00 on into the next day or month.
  if (!isIsoDate(date) || +hour! > 23 || +minute! > 59 || +second > 59) return null;
  if (zone) {
    const at = new Date(value.trim());
    return /^(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(zone) && !Number.isNaN(at.getTime()) ? at : null;
  }
  const [y, mo, d] = date!.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, +hour!, +minute!, +second);
  // Twice, so that a time just after a clock change takes the offset in force then.
  const first = wall - offsetMs(wall, timeZone);
  return new Date(wall - offsetMs(first, timeZone));
}

/**
 * A moment as a filter takes it (`?since=`): a date as the start of that day on the service's
 * wall, or a date and time (see `parseServiceTime`); null if neither.
 */
export function parseServiceMoment(value: string, timeZone = SERVICE_TIME_ZONE): Date | null {
  const trimmed = value.trim();
  return parseServiceTime(isIsoDate(trimmed) ? `${trimmed}T00:00` : trimmed, timeZone);
}

/**
 * The instants from the start of day `from` to the end of day `to` (dates, YYYY-MM-DD) on the
 * service's wall: what a filter of whole days keeps; an end not given is left open.
 */
export function serviceDaySpan(
  from: string | undefined,
  to: string | undefined,
  timeZone = SERVICE_TIME_ZONE,
): { since?: Date; until?: Date } {
  return {
    since: from ? parseServiceMoment(from, timeZone)! : undefined,
    until: to ? parseServiceMoment(addDays(to, 1), timeZone)! : undefined,
  };
}

/** How far ahead meetings are planned; a start further on is a slip, such as year 9999. */
export const PLANNING_YEARS = 2;

/** The furthest a meeting may be planned from `from`. */
export function planningHorizon(from = new Date()): Date {
  const at = new Date(from);
  at.setUTCFullYear(at.getUTCFullYear() + PLANNING_YEARS);
  return at;
}

/** The same time on the service's wall a week later, across a clock change too. */
export function sameTimeNextWeek(at: Date, timeZone = SERVICE_TIME_ZONE): Date {
  // The wall clock then, read as if it were UTC, moved on seven calendar days.
  const wall = new Date(at.getTime() + offsetMs(at.getTime(), timeZone));
  wall.setUTCDate(wall.getUTCDate() + 7);
  return parseServiceTime(wall.toISOString().slice(0, 19), timeZone)!;
}

/**
 * `at`'s time on the service's wall one or more whole weeks on, the first such time later than
 * `after`: where a weekly meeting held or closed late comes round next.
 */
export function sameTimeWeeksOnAfter(at: Date, after: Date, timeZone = SERVICE_TIME_ZONE): Date {
  let next = sameTimeNextWeek(at, timeZone);
  while (next <= after) next = sameTimeNextWeek(next, timeZone);
  return next;
}

/**
 * The date something happened, as the API accepts it: a date (YYYY-MM-DD) as given, or a date
 * and time (see `parseServiceTime`) as the date on the service's wall then; null if neither.
 */
export function parseServiceDate(value: unknown, timeZone = SERVICE_TIME_ZONE): string | null {
  if (typeof value !== 'string') return null;
  if (isIsoDate(value)) return value;
  const at = /^\d{4}-\d{2}-\d{2}T/.test(value) ? parseServiceTime(value, timeZone) : null;
  return at ? todayIso(at, timeZone) : null;
}

/** A date (YYYY-MM-DD) as people read it: "23 February 2027". */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

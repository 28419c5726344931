/** Where Careweave's teams work: "today" and "overdue" follow the clock on their wall. */
export const SERVICE_TIME_ZONE = 'Europe/London';

/** Today's date (YYYY-MM-DD) in the service's time zone. */
export function todayIso(now = new Date(), timeZone = SERVICE_TIME_ZONE): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** An ISO instant as "3 March 2026 at 14:05", on the team's clock (London). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = { timeZone: SERVICE_TIME_ZONE } as const;
  const day = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...zone,
  });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...zone });
  return `${day} at ${time}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC on a calendar day. Date.UTC would read years 0–99 as 1900–1999. */
export function utcDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** YYYY-MM-DD; toISOString would write a year outside 0–9999 with six digits and a sign. */
export function isoDay(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** A YYYY-MM-DD date's year, month (1–12) and day. */
export function dateParts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** The date (YYYY-MM-DD) `days` calendar days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = dateParts(date);
  return isoDay(new Date(utcDay(y, m - 1, d).getTime() + days * DAY_MS));
}

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

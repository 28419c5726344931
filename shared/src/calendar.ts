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

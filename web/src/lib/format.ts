import { SERVICE_TIME_ZONE } from '@careweave/shared';

/**
 * "1948-03-02" → "2 March 1948", the NHS way of writing dates; an instant is dated on the team's
 * clock (London), wherever the page is rendered.
 */
export function formatDate(iso: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: dateOnly ? 'UTC' : SERVICE_TIME_ZONE,
  });
}

/** Pathways are stored as words; show them with a capital, whatever their stored case. */
export function pathwayLabel(pathway: string): string {
  return pathway.charAt(0).toUpperCase() + pathway.slice(1).toLowerCase();
}

/** An ISO instant as "3 March 2026 at 14:05" (shared, since the server writes it in messages). */
export { formatDateTime } from '@careweave/shared';

/** "physical-health" → "Physical health": stored codes as words. */
export function codeLabel(code: string): string {
  const words = code.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 open action", "3 open actions". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

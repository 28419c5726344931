/** "1948-03-02" → "2 March 1948", the NHS way of writing dates. */
export function formatDate(iso: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Pathways are stored as words; show them with a capital, whatever their stored case. */
export function pathwayLabel(pathway: string): string {
  return pathway.charAt(0).toUpperCase() + pathway.slice(1).toLowerCase();
}

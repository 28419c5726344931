import { summaryLinks, type ErrorLink } from '$lib/error-links';

/** What the form sent, as the page holds it after a refusal. */
export interface SentMeasure {
  instrument: 'SWEMWBS' | 'WEMWBS';
  answers: Record<string, string>;
}

const ANSWERED = /^([1-5]|none)$/;

/**
 * The error summary's links, in the page's order, each to a field that takes the focus: a
 * problem with the instrument goes to its first choice, and one with the items as a whole
 * (from the service) to the first item sent unanswered, or the item the message names.
 */
export function measureErrorLinks(
  errors: Record<string, string>,
  sent: SentMeasure | undefined,
  itemNumbers: readonly number[],
): ErrorLink[] {
  const itemFields = itemNumbers.map((n) => `item-${n}`);
  const order = ['instrument', 'takenAt', 'items', ...itemFields];
  const extra = Object.keys(errors).filter((field) => !order.includes(field));
  return summaryLinks(errors, [...order, ...extra]).map((link) => {
    if (link.href === '#instrument') return { ...link, href: '#instrument-SWEMWBS' };
    if (link.href === '#items') return { ...link, href: `#${firstItemToFix(link.text)}` };
    return link;
  });

  function firstItemToFix(message: string): string {
    const unanswered = itemFields.find((field) => !ANSWERED.test(sent?.answers[field] ?? ''));
    if (unanswered) return unanswered;
    const named = /Item (\d+)/.exec(message)?.[1];
    return named && itemFields.includes(`item-${named}`) ? `item-${named}` : itemFields[0]!;
  }
}

/** One line of the NHS error summary: the problem, linking to the field it is about. */
export interface ErrorLink {
  href: string;
  text: string;
}

/** The error summary's links, one per field with a problem, in `order` (the page's order). */
export function summaryLinks(
  errors: Record<string, string>,
  order: readonly string[],
): ErrorLink[] {
  return order
    .filter((field) => errors[field])
    .map((field) => ({
      href: `#${field}`,
      text: errors[field]!,
    }));
}

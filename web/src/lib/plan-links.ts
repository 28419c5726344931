/** The id a plan item (goal, barrier, action, …) has in its plan's page. */
export const planItemAnchor = (itemId: string) => `item-${itemId}`;

/** A link to one item of a plan: the page opens at it once the plan has loaded. */
export const planItemHref = (planId: string, itemId: string) =>
  `/plans/${planId}#${planItemAnchor(itemId)}`;

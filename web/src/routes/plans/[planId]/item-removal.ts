import { tick } from 'svelte';
import { focusForNow } from '$lib/focus-for-now';

/**
 * Removes a list item, then focuses the item now in its place (or the last, or the list's
 * heading once none is left): the button that was pressed has gone with the item.
 */
export async function removeAndRefocus(
  container: HTMLElement,
  heading: HTMLElement,
  itemId: string,
  remove: () => void,
): Promise<void> {
  const items = () => [...container.querySelectorAll<HTMLElement>('.plan-list > li')];
  const index = items().findIndex((item) => item.dataset.itemId === itemId);
  remove();
  await tick();
  const left = items();
  focusForNow(left[Math.min(index, left.length - 1)] ?? heading);
}

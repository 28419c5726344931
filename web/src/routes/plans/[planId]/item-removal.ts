import { tick } from 'svelte';

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
  const next = left[Math.min(index, left.length - 1)] ?? heading;
  // Focusable for this arrival only: a click on it later should not focus it.
  next.tabIndex = -1;
  next.addEventListener('blur', () => next.removeAttribute('tabindex'), { once: true });
  next.focus();
}

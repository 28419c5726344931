/**
 * Focuses an element that takes no focus of its own, for this arrival only: a click on it
 * later should not focus it.
 */
export function focusForNow(element: HTMLElement, options?: FocusOptions): void {
  element.tabIndex = -1;
  element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  element.focus(options);
}

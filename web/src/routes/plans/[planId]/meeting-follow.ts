// When following the chair may move someone's screen, and when it must wait for them.

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'number', '']);

/**
 * True when `active` is a text field holding typing that is not yet saved: leaving the page
 * would lose it. Rich text is saved as it is typed, so only plain fields count; an emptied
 * field (the add forms clear themselves once saved) holds nothing to lose.
 */
export function holdsUnsavedInput(active: Element | null): boolean {
  if (!active) return false;
  const tag = active.tagName.toLowerCase();
  if (tag === 'textarea') {
    const area = active as HTMLTextAreaElement;
    return area.value.trim() !== '' && area.value !== area.defaultValue;
  }
  if (tag !== 'input') return false;
  const input = active as HTMLInputElement;
  if (!TEXT_INPUTS.has(input.getAttribute('type') ?? '')) return false;
  return input.value.trim() !== '' && input.value !== input.defaultValue;
}

import { describe, expect, it } from 'vitest';
import { holdsUnsavedInput } from './meeting-follow';

/** Just enough of an element for the check, without a DOM. */
function field(tagName: string, value: string, defaultValue = '', type: string | null = null) {
  return { tagName, value, defaultValue, getAttribute: () => type } as unknown as Element;
}

describe('holdsUnsavedInput', () => {
  it('holds a text field with typing in it', () => {
    expect(holdsUnsavedInput(field('INPUT', 'Refer to debt advice'))).toBe(true);
    expect(holdsUnsavedInput(field('TEXTAREA', 'Half a sentence'))).toBe(true);
  });

  it('lets go of an empty field, an unchanged one, or no focus at all', () => {
    expect(holdsUnsavedInput(field('INPUT', '  '))).toBe(false);
    expect(holdsUnsavedInput(field('TEXTAREA', 'As loaded', 'As loaded'))).toBe(false);
    expect(holdsUnsavedInput(null)).toBe(false);
  });

  it('ignores controls that are not text: buttons, checkboxes, dates', () => {
    expect(holdsUnsavedInput(field('BUTTON', 'Next case'))).toBe(false);
    expect(holdsUnsavedInput(field('INPUT', 'on', '', 'checkbox'))).toBe(false);
    expect(holdsUnsavedInput(field('INPUT', '2026-11-23', '', 'date'))).toBe(false);
  });
});

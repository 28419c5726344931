import { describe, expect, it } from 'vitest';
import { ITEM_TEXT_MAX, itemTextProblem } from './item-text.js';

describe('itemTextProblem', () => {
  it('takes a text up to the limit', () => {
    expect(itemTextProblem('Book the walking group', 'The action')).toBeNull();
    expect(itemTextProblem('a'.repeat(ITEM_TEXT_MAX), 'The action')).toBeNull();
  });

  it('refuses a longer one, saying by how much', () => {
    expect(itemTextProblem('a'.repeat(ITEM_TEXT_MAX + 12), 'The goal')).toBe(
      'The goal must be 500 characters or fewer: it has 12 too many (512)',
    );
  });

  it('counts characters as a person sees them, not UTF-16 units', () => {
    expect(itemTextProblem('🚶'.repeat(ITEM_TEXT_MAX), 'The goal')).toBeNull();
  });
});

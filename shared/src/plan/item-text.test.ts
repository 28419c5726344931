import { describe, expect, it } from 'vitest';
import { ITEM_TEXT_MAX, itemTextProblem, MEDICINE_DETAIL_MAX } from './item-text.js';

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

  it("holds a medicine's dose or frequency to its own, shorter limit", () => {
    expect(
      itemTextProblem('a'.repeat(MEDICINE_DETAIL_MAX), 'The dose', MEDICINE_DETAIL_MAX),
    ).toBeNull();
    expect(
      itemTextProblem('a'.repeat(MEDICINE_DETAIL_MAX + 1), 'The dose', MEDICINE_DETAIL_MAX),
    ).toBe('The dose must be 100 characters or fewer: it has 1 too many (101)');
  });
});

import { describe, expect, it } from 'vitest';
import { fieldLabel, valueText } from './compare-labels';

const nameOf = (id: string) => ({ 'user-1': 'Li Wei Chen' })[id] ?? 'A former team member';

describe('compare labels', () => {
  it('names every field a plan item has in words', () => {
    expect(fieldLabel('overcomeBy')).toBe('How it will be overcome');
    expect(fieldLabel('lastReviewedBy')).toBe('Last reviewed by');
    expect(fieldLabel('lastReviewedAt')).toBe('Last reviewed');
    expect(fieldLabel('dueDate')).toBe('Due date');
  });

  it('shows who by name and when on the team’s clock, not as ids and ISO strings', () => {
    expect(valueText('lastReviewedBy', 'user-1', nameOf)).toBe('Li Wei Chen');
    expect(valueText('ownerId', 'user-2', nameOf)).toBe('A former team member');
    expect(valueText('lastReviewedAt', '2026-07-01T23:30:00.000Z', nameOf)).toBe(
      '2 July 2026 at 00:30',
    );
    expect(valueText('lastReviewedAt', null, nameOf)).toBe('none');
  });
});

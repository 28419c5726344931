import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('formatDate and formatDateTime', () => {
  it('write a calendar date as it is, whatever the clock', () => {
    expect(formatDate('1948-03-02')).toBe('2 March 1948');
  });

  it('date and time an instant on the team’s clock in London, summer and winter', () => {
    // 23:30 UTC in British Summer Time is already the next day in London.
    expect(formatDate('2026-07-01T23:30:00.000Z')).toBe('2 July 2026');
    expect(formatDateTime('2026-07-01T23:30:00.000Z')).toBe('2 July 2026 at 00:30');
    expect(formatDateTime('2026-12-01T09:05:00.000Z')).toBe('1 December 2026 at 09:05');
  });

  it('leave what is not a date as it was', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

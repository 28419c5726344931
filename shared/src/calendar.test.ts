import { describe, expect, it } from 'vitest';
import { formatDateTime, todayIso } from './calendar.js';

describe('todayIso', () => {
  it('gives the date on a London wall, not in UTC', () => {
    // 23:30 UTC in British Summer Time is already the next day in London.
    expect(todayIso(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(todayIso(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });
});

describe('formatDateTime', () => {
  it('writes an instant on the London clock, the NHS way', () => {
    expect(formatDateTime('2026-07-01T23:30:00.000Z')).toBe('2 July 2026 at 00:30');
    expect(formatDateTime('2026-12-01T09:05:00.000Z')).toBe('1 December 2026 at 09:05');
  });
});

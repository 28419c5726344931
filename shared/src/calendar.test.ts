import { describe, expect, it } from 'vitest';
import { todayIso } from './calendar.js';

describe('todayIso', () => {
  it('gives the date on a London wall, not in UTC', () => {
    // 23:30 UTC in British Summer Time is already the next day in London.
    expect(todayIso(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(todayIso(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });
});

import { describe, expect, it } from 'vitest';
import { parseServiceDate, parseServiceTime } from './calendar.js';

describe('parseServiceTime', () => {
  it('reads a time without a zone as London wall-clock time, summer and winter', () => {
    expect(parseServiceTime('2026-07-06T09:30')?.toISOString()).toBe('2026-07-06T08:30:00.000Z');
    expect(parseServiceTime('2026-11-23T09:30')?.toISOString()).toBe('2026-11-23T09:30:00.000Z');
  });

  it('keeps a time that names its zone, and refuses what is not a time', () => {
    expect(parseServiceTime('2026-07-06T09:30:00Z')?.toISOString()).toBe(
      '2026-07-06T09:30:00.000Z',
    );
    expect(parseServiceTime('tomorrow')).toBeNull();
    expect(parseServiceTime('2026-07-06')).toBeNull();
  });
});

describe('parseServiceDate', () => {
  it('keeps a date, and reads a date and time as the date on a London wall then', () => {
    expect(parseServiceDate('2026-07-01')).toBe('2026-07-01');
    expect(parseServiceDate('2026-07-01T23:30:00.000Z')).toBe('2026-07-02');
    expect(parseServiceDate('2026-12-01T23:30:00Z')).toBe('2026-12-01');
    expect(parseServiceDate('2026-07-02T00:30+02:00')).toBe('2026-07-01');
    expect(parseServiceDate('2026-07-01T23:30')).toBe('2026-07-01');
  });

  it('refuses what is not a date', () => {
    for (const value of ['2026-02-30', '01/07/2026', '2026-07-01T25:00Z', 'Jul 1 2026 Z', '', 7]) {
      expect(parseServiceDate(value), String(value)).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  parseServiceDate,
  parseServiceMoment,
  parseServiceTime,
  sameTimeNextWeek,
  sameTimeWeeksOnAfter,
  serviceDaySpan,
} from './calendar.js';

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
    const notDates = [
      '2026-02-30',
      '2026-02-30T10:00',
      '2026-02-30T10:00Z',
      '2026-07-01T25:00',
      '2026-07-01T25:00Z',
      '2026-07-01T10:60',
      '01/07/2026',
      'Jul 1 2026 Z',
      '',
      7,
    ];
    for (const value of notDates) {
      expect(parseServiceDate(value), String(value)).toBeNull();
    }
  });
});

describe('sameTimeNextWeek', () => {
  it('keeps a meeting at 09:30 in London across both clock changes', () => {
    // 09:30 GMT the week before the clocks go forward, then 09:30 BST.
    expect(sameTimeNextWeek(new Date('2027-03-23T09:30:00Z')).toISOString()).toBe(
      '2027-03-30T08:30:00.000Z',
    );
    // 09:30 BST the week before they go back, then 09:30 GMT.
    expect(sameTimeNextWeek(new Date('2026-10-21T08:30:00Z')).toISOString()).toBe(
      '2026-10-28T09:30:00.000Z',
    );
    expect(sameTimeNextWeek(new Date('2026-12-01T09:30:00Z')).toISOString()).toBe(
      '2026-12-08T09:30:00.000Z',
    );
  });
});

describe('sameTimeWeeksOnAfter', () => {
  const tuesday = new Date('2026-12-01T09:30:00Z');

  it('is a week on when that is still to come', () => {
    expect(sameTimeWeeksOnAfter(tuesday, tuesday).toISOString()).toBe('2026-12-08T09:30:00.000Z');
    expect(sameTimeWeeksOnAfter(tuesday, new Date('2026-12-08T09:29:59Z')).toISOString()).toBe(
      '2026-12-08T09:30:00.000Z',
    );
  });

  it('skips the weeks already gone, across a clock change', () => {
    expect(sameTimeWeeksOnAfter(tuesday, new Date('2026-12-08T09:30:00Z')).toISOString()).toBe(
      '2026-12-15T09:30:00.000Z',
    );
    // Closed in April: the next Tuesday at 09:30, now British Summer Time.
    expect(sameTimeWeeksOnAfter(tuesday, new Date('2027-04-01T12:00:00Z')).toISOString()).toBe(
      '2027-04-06T08:30:00.000Z',
    );
  });
});

describe('parseServiceMoment', () => {
  it('reads a date as the start of that day in London, and a date and time as given', () => {
    expect(parseServiceMoment('2026-07-01')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(parseServiceMoment('2026-12-01')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseServiceMoment('2026-11-16T09:00:00Z')?.toISOString()).toBe(
      '2026-11-16T09:00:00.000Z',
    );
  });

  it.each(['2026-02-30', '0', '-1', '99999-01-01', '+099999-01-01T00:00:00Z', 'soon', ''])(
    'refuses %j',
    (value) => expect(parseServiceMoment(value)).toBeNull(),
  );
});

describe('serviceDaySpan', () => {
  const iso = (span: { since?: Date; until?: Date }) => ({
    since: span.since?.toISOString(),
    until: span.until?.toISOString(),
  });

  it('runs from the start of the first day to the end of the last on a London wall', () => {
    expect(iso(serviceDaySpan('2026-07-01', '2026-07-01'))).toEqual({
      since: '2026-06-30T23:00:00.000Z',
      until: '2026-07-01T23:00:00.000Z',
    });
    expect(iso(serviceDaySpan('2026-11-30', '2026-12-31'))).toEqual({
      since: '2026-11-30T00:00:00.000Z',
      until: '2027-01-01T00:00:00.000Z',
    });
  });

  it('ends a day on which the clocks go forward at the next midnight, 23 hours on', () => {
    expect(iso(serviceDaySpan('2026-03-29', '2026-03-29'))).toEqual({
      since: '2026-03-29T00:00:00.000Z',
      until: '2026-03-29T23:00:00.000Z',
    });
  });

  it('leaves an end not given open', () => {
    expect(iso(serviceDaySpan(undefined, '2026-07-01'))).toEqual({
      since: undefined,
      until: '2026-07-01T23:00:00.000Z',
    });
    expect(iso(serviceDaySpan('2026-07-01', undefined)).until).toBeUndefined();
  });
});

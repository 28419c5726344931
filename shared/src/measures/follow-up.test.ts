import { describe, expect, it } from 'vitest';
import { followUpDue, followUpStatus } from './follow-up.js';

describe('followUpDue', () => {
  it('falls three calendar months after the baseline', () => {
    expect(followUpDue('2026-11-23')).toBe('2027-02-23');
  });

  it('takes the last day of a shorter month', () => {
    expect(followUpDue('2026-11-30')).toBe('2027-02-28');
    expect(followUpDue('2027-11-30')).toBe('2028-02-29');
  });

  it('crosses the year', () => {
    expect(followUpDue('2026-10-31')).toBe('2027-01-31');
  });

  it('keeps the century of a year below 100, which Date.UTC would move to the 1900s', () => {
    expect(followUpDue('0001-01-01')).toBe('0001-04-01');
    expect(followUpDue('0099-11-30')).toBe('0100-02-28');
  });
});

describe('followUpStatus', () => {
  const baseline = '2026-08-01'; // due 2026-11-01

  it('says the baseline is missing when there is none', () => {
    expect(followUpStatus(null, null, '2026-11-23')).toBe('baseline-missing');
  });

  it('is not yet due until two weeks before the due date', () => {
    expect(followUpStatus(baseline, null, '2026-10-17')).toBe('not-yet-due');
    expect(followUpStatus(baseline, null, '2026-10-18')).toBe('due');
  });

  it('is overdue from four weeks after the due date', () => {
    expect(followUpStatus(baseline, null, '2026-11-28')).toBe('due');
    expect(followUpStatus(baseline, null, '2026-11-29')).toBe('overdue');
  });

  it('is done once a measure is taken ten weeks or more after baseline', () => {
    expect(followUpStatus(baseline, '2026-10-10', '2026-12-20')).toBe('done');
  });

  it('counts days across the end of a year below 100 without moving it to the 1900s', () => {
    expect(followUpStatus('0050-10-01', null, '0050-12-18')).toBe('due');
  });

  it('does not count an early repeat as the follow-up', () => {
    expect(followUpStatus(baseline, '2026-10-09', '2026-12-20')).toBe('overdue');
  });
});

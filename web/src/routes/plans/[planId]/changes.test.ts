import { describe, expect, it } from 'vitest';
import { sinceParam } from './changes';

const now = Date.parse('2026-11-23T12:00:00Z');
const url = (query = '') => new URL(`http://127.0.0.1/plans/x/changes${query}`);

describe('sinceParam', () => {
  it('takes an explicit since', () => {
    expect(sinceParam(url('?since=2026-11-01T00:00:00Z'), null, now).toISOString()).toBe(
      '2026-11-01T00:00:00.000Z',
    );
  });

  it('defaults to the last sign-off when there is one', () => {
    expect(sinceParam(url(), '2026-11-20T09:30:00.000Z', now).toISOString()).toBe(
      '2026-11-20T09:30:00.000Z',
    );
  });

  it('defaults to a week ago without a sign-off, or for a date that is not one', () => {
    const weekAgo = '2026-11-16T12:00:00.000Z';
    expect(sinceParam(url(), null, now).toISOString()).toBe(weekAgo);
    for (const since of ['soon', '2026-02-30', '0', '99999-01-01']) {
      expect(sinceParam(url(`?since=${since}`), null, now).toISOString()).toBe(weekAgo);
    }
  });
});

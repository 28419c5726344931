import { describe, expect, it } from 'vitest';
import { RecentKeys } from './recent-keys.js';

describe('RecentKeys', () => {
  it('holds a key for one window from its latest mark', () => {
    let now = 0;
    const recent = new RecentKeys(60_000, () => now);
    expect(recent.has('a')).toBe(false);
    recent.mark('a');
    now = 59_999;
    expect([recent.has('a'), recent.has('b')]).toEqual([true, false]);
    now = 60_000;
    expect(recent.has('a')).toBe(false);
    recent.mark('a');
    now = 100_000;
    expect(recent.has('a')).toBe(true);
  });

  it('forgets keys whose window has passed once it holds many', () => {
    let now = 0;
    const recent = new RecentKeys(1_000, () => now);
    for (let i = 0; i < 1023; i++) recent.mark(`old ${i}`);
    now = 1_000;
    recent.mark('new');
    now = 0;
    // Read at the old time, a swept key is gone where a held one would still answer.
    expect(recent.has('old 0')).toBe(false);
    expect(recent.has('new')).toBe(true);
  });
});

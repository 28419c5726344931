import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows the limit, then refuses with the seconds to wait, then allows again', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.attempt('a'), limiter.attempt('a'), limiter.attempt('a')]).toEqual([0, 0, 0]);
    expect(limiter.attempt('a')).toBe(60);
    now = 30_000;
    expect(limiter.attempt('a')).toBe(30);
    expect(limiter.attempt('b')).toBe(0);
    now = 60_000;
    expect(limiter.attempt('a')).toBe(0);
  });

  it('starts afresh after a reset', () => {
    const limiter = new RateLimiter(1, 60_000, () => 0);
    limiter.attempt('a');
    expect(limiter.attempt('a')).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.attempt('a')).toBe(0);
  });

  it('can count only some attempts: waiting is asked apart from recording', () => {
    let now = 0;
    const failures = new RateLimiter(2, 60_000, () => now);
    expect(failures.wait('a')).toBe(0);
    failures.record('a');
    expect(failures.wait('a')).toBe(0);
    failures.record('a');
    expect(failures.wait('a')).toBe(60);
    expect(failures.wait('b')).toBe(0);
    now = 60_000;
    expect(failures.wait('a')).toBe(0);
  });
});

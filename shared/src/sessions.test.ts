import { describe, expect, it } from 'vitest';
import { judgeSession, newSessionTimes, type SessionPolicy } from './sessions.js';

const policy: SessionPolicy = {
  idleTimeoutMs: 1000 * 60 * 30,
  lifetimeMs: 1000 * 60 * 60 * 10,
  renewWithinMs: 1000 * 60 * 60 * 5,
};
const start = new Date('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('session expiry', () => {
  it('keeps a fresh session without writing anything', () => {
    const s = newSessionTimes(start, policy);
    expect(judgeSession(s, at(0.5), policy)).toEqual({ kind: 'valid', touch: null });
  });

  it('records activity at most once a minute', () => {
    const s = newSessionTimes(start, policy);
    const v = judgeSession(s, at(5), policy);
    expect(v).toEqual({ kind: 'valid', touch: { expiresAt: s.expiresAt, lastSeenAt: at(5) } });
  });

  it('ends a session left idle past the timeout', () => {
    const s = newSessionTimes(start, policy);
    expect(judgeSession(s, at(30), policy).kind).toBe('expired');
    expect(judgeSession(s, at(29), policy).kind).toBe('valid');
  });

  it('slides the expiry when less than the renewal window is left', () => {
    let s = newSessionTimes(start, policy);
    // Active every 20 minutes for 9 hours: never idle, renewed on the way.
    for (let m = 20; m <= 540; m += 20) {
      const v = judgeSession(s, at(m), policy);
      expect(v.kind).toBe('valid');
      if (v.kind === 'valid' && v.touch) s = v.touch;
    }
    expect(s.expiresAt.getTime()).toBeGreaterThan(at(600).getTime());
  });

  it('ends a session at its absolute expiry', () => {
    const s = { expiresAt: at(10), lastSeenAt: at(9) };
    expect(judgeSession(s, at(10), policy).kind).toBe('expired');
  });
});

/** How long sessions live: an absolute sliding expiry and an idle timeout. */
export interface SessionPolicy {
  /** A session unused this long ends. */
  idleTimeoutMs: number;
  /** A session is extended to this lifetime when used ... */
  lifetimeMs: number;
  /** ... but only once less than this much of it is left, so most requests write nothing. */
  renewWithinMs: number;
}

/**
 * Marks a request a page makes by itself (a refresh on a timer) with no one at the keyboard
 * lately: it is answered as usual but does not count as use, so a screen left open still signs
 * out after the idle timeout.
 */
export const BACKGROUND_HEADER = 'x-careweave-background';

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleTimeoutMs: 2 * 60 * 60 * 1000,
  lifetimeMs: 12 * 60 * 60 * 1000,
  renewWithinMs: 6 * 60 * 60 * 1000,
};

export interface SessionTimes {
  expiresAt: Date;
  lastSeenAt: Date;
}

/** What to do with a stored session presented at `now`. */
export type SessionVerdict = { kind: 'expired' } | { kind: 'valid'; touch: SessionTimes | null };

/** Decides whether a session still holds and which times to write back, if any. */
export function judgeSession(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): SessionVerdict {
  const t = now.getTime();
  if (t >= session.expiresAt.getTime()) return { kind: 'expired' };
  if (t - session.lastSeenAt.getTime() >= policy.idleTimeoutMs) return { kind: 'expired' };
  const renew = session.expiresAt.getTime() - t < policy.renewWithinMs;
  // Idle time is tracked at a minute's grain to avoid a write per request.
  const stale = t - session.lastSeenAt.getTime() >= 60_000;
  if (!renew && !stale) return { kind: 'valid', touch: null };
  return {
    kind: 'valid',
    touch: {
      expiresAt: renew ? new Date(t + policy.lifetimeMs) : session.expiresAt,
      lastSeenAt: now,
    },
  };
}

/** Expiry for a session created at `now`. */
export function newSessionTimes(now: Date, policy = DEFAULT_SESSION_POLICY): SessionTimes {
  return { expiresAt: new Date(now.getTime() + policy.lifetimeMs), lastSeenAt: now };
}

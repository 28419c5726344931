import type { Db } from '@careweave/db';
import { judgeSession, newSessionTimes, type SessionPolicy } from '@careweave/shared';
import {
  deleteExpiredSessions,
  deleteOtherSessions,
  deleteSession,
  findSession,
  findSessions,
  insertSession,
  touchSession,
} from '../repo/sessions.js';
import { findUser, type User } from '../repo/users.js';
import { generateSessionToken, sessionIdOf } from './tokens.js';

/** The session cookie's name (DESIGN §6). */
export const SESSION_COOKIE = 'session';

export interface ValidSession {
  user: User;
  /** When the cookie should now expire; changes as the session slides. */
  expiresAt: Date;
}

/** Owns session tokens: creating, validating with sliding expiry, ending. */
export interface SessionService {
  create(userId: string): Promise<{ token: string; expiresAt: Date }>;
  /** The session's user; it counts as use (sliding the session on) unless `activity` is false. */
  validate(
    token: string | undefined,
    options?: { activity?: boolean },
  ): Promise<ValidSession | null>;
  /** The tokens among these whose sessions still hold, without counting this as activity. */
  stillValid(tokens: string[]): Promise<Set<string>>;
  end(token: string | undefined): Promise<void>;
  /** Ends every session of the user but the one holding `token`. */
  endOthers(userId: string, token: string | undefined): Promise<void>;
}

export function createSessionService(
  db: Db,
  policy?: SessionPolicy,
  now: () => Date = () => new Date(),
): SessionService {
  return {
    async create(userId) {
      const token = generateSessionToken();
      const at = now();
      const times = newSessionTimes(at, policy);
      // Sessions nobody came back to would otherwise stay; signing in is a rare moment to sweep.
      await deleteExpiredSessions(db, at);
      await insertSession(db, sessionIdOf(token), userId, times);
      return { token, expiresAt: times.expiresAt };
    },

    async validate(token, { activity = true } = {}) {
      if (!token) return null;
      const id = sessionIdOf(token);
      const session = await findSession(db, id);
      if (!session) return null;
      const verdict = judgeSession(session, now(), policy);
      if (verdict.kind === 'expired') {
        await deleteSession(db, id);
        return null;
      }
      const touch = activity ? verdict.touch : null;
      if (touch) await touchSession(db, id, touch);
      const user = await findUser(db, session.userId);
      if (!user) return null;
      return { user, expiresAt: touch?.expiresAt ?? session.expiresAt };
    },

    async stillValid(tokens) {
      const tokenOf = new Map(tokens.map((token) => [sessionIdOf(token), token]));
      const found = await findSessions(db, [...tokenOf.keys()]);
      const at = now();
      return new Set(
        found
          .filter((session) => judgeSession(session, at, policy).kind === 'valid')
          .map((session) => tokenOf.get(session.id)!),
      );
    },

    async end(token) {
      if (token) await deleteSession(db, sessionIdOf(token));
    },

    async endOthers(userId, token) {
      await deleteOtherSessions(db, userId, token ? sessionIdOf(token) : null);
    },
  };
}

/**
 * The session cookie's attributes (DESIGN §5), for the API and the pages alike: HttpOnly,
 * SameSite=Lax, Secure but on plain-HTTP loopback; `expires` when setting it.
 */
export function sessionCookieOptions(url: URL, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: cookieIsSecure(url),
    ...(expires && { expires }),
  };
}

/** Secure cookies everywhere but plain-HTTP loopback, where browsers would drop them. */
export function cookieIsSecure(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

import { createHash } from 'node:crypto';
import type { Db } from '@careweave/db';
import { passwordChangeProblems } from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import { recordAudit } from '../repo/audit.js';
import { clearLoginAttempts, countLoginAttempt } from '../repo/login-attempts.js';
import {
  findCredentials,
  findUser,
  passwordHashOf,
  setPasswordHash,
  type User,
} from '../repo/users.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SessionService } from './session-service.js';

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/** Signing in and out; the only place passwords are checked. */
export interface AuthService {
  login(email: string, password: string, clientAddress: string): Promise<LoginResult>;
  logout(token: string | undefined, userId: string | null): Promise<void>;
  /**
   * The user's own password: the current one, and the new one twice. Tries at the current one
   * count like sign-in attempts; once changed, the user's other sessions end.
   */
  changePassword(
    user: User,
    token: string | undefined,
    body: Record<string, unknown>,
  ): Promise<Outcome<object>>;
}

export function createAuthService(
  db: Db,
  sessions: SessionService,
  options: {
    /** Sign-in attempts allowed per account and address in one window. */
    attempts: number;
    windowMs: number;
    /** Called once a session has been ended, so that its open documents close. */
    signedOut?: () => void;
    now?: () => Date;
  },
): AuthService {
  const { attempts, windowMs, signedOut = () => {}, now = () => new Date() } = options;
  // Verifying against a real hash for unknown emails keeps their timing like a wrong password.
  const decoyHash = hashPassword('careweave-decoy-password');

  return {
    async login(email, password, clientAddress) {
      const normalised = email.trim().toLowerCase();
      // No account's email holds one, and the database cannot compare text that does.
      if (normalised.includes('\u0000')) return { ok: false, reason: 'invalid' };
      // Counted in the database, so several processes grant one allowance between them.
      const key = createHash('sha256').update(`${normalised}|${clientAddress}`).digest('hex');
      const at = now();
      const window = await countLoginAttempt(db, key, at, windowMs);
      if (window.count > attempts) {
        const endsAt = window.windowStart.getTime() + windowMs;
        return {
          ok: false,
          reason: 'rate-limited',
          retryAfterSeconds: Math.max(1, Math.ceil((endsAt - at.getTime()) / 1000)),
        };
      }

      const account = await findCredentials(db, normalised);
      const matches = await verifyPassword(account?.passwordHash ?? (await decoyHash), password);
      if (!account || !matches) return { ok: false, reason: 'invalid' };

      await clearLoginAttempts(db, key, at, windowMs);
      const user = await findUser(db, account.id);
      if (!user) return { ok: false, reason: 'invalid' };
      const { token, expiresAt } = await sessions.create(user.id);
      await recordAudit(db, {
        userId: user.id,
        action: 'login',
        entityType: 'user',
        entityId: user.id,
      });
      return { ok: true, token, expiresAt, user };
    },

    async logout(token, userId) {
      await sessions.end(token);
      // Only a real sign-out sends every process to re-check its sockets.
      if (userId) {
        signedOut();
        await recordAudit(db, { userId, action: 'logout', entityType: 'user', entityId: userId });
      }
    },

    async changePassword(user, token, body) {
      const fields = passwordChangeProblems(body);
      if (Object.keys(fields).length > 0) {
        return { ok: false, status: 400, error: 'Check the fields marked.', fields };
      }
      // A session left open must not become a way to guess the password behind it.
      const key = createHash('sha256').update(`password-change|${user.id}`).digest('hex');
      const at = now();
      const window = await countLoginAttempt(db, key, at, windowMs);
      if (window.count > attempts) {
        const minutes = Math.max(
          1,
          Math.ceil((window.windowStart.getTime() + windowMs - at.getTime()) / 60_000),
        );
        const current = `Too many tries at your current password: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
        return { ok: false, status: 429, error: `${current}.`, fields: { current } };
      }
      const stored = await passwordHashOf(db, user.id);
      if (!stored || !(await verifyPassword(stored, body.current as string))) {
        const current = 'Your current password is not right';
        return { ok: false, status: 400, error: `${current}.`, fields: { current } };
      }
      await clearLoginAttempts(db, key, at, windowMs);
      await setPasswordHash(db, user.id, await hashPassword(body.next as string));
      // Whoever else was signed in as this user, with the old password, is signed out.
      await sessions.endOthers(user.id, token);
      signedOut();
      await recordAudit(db, {
        userId: user.id,
        action: 'password.change',
        entityType: 'user',
        entityId: user.id,
      });
      return { ok: true };
    },
  };
}

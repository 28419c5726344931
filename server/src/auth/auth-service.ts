import type { Db } from '@careweave/db';
import { recordAudit } from '../repo/audit.js';
import { findCredentials, findUser, type User } from '../repo/users.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { RateLimiter } from './rate-limit.js';
import type { SessionService } from './session-service.js';

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/** Signing in and out; the only place passwords are checked. */
export interface AuthService {
  login(email: string, password: string, clientAddress: string): Promise<LoginResult>;
  logout(token: string | undefined, userId: string | null): Promise<void>;
}

export function createAuthService(
  db: Db,
  sessions: SessionService,
  limits: { attempts: number; windowMs: number },
): AuthService {
  const limiter = new RateLimiter(limits.attempts, limits.windowMs);
  // Verifying against a real hash for unknown emails keeps their timing like a wrong password.
  const decoyHash = hashPassword('careweave-decoy-password');

  return {
    async login(email, password, clientAddress) {
      const normalised = email.trim().toLowerCase();
      const key = `${normalised}|${clientAddress}`;
      const wait = limiter.attempt(key);
      if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait };

      const account = await findCredentials(db, normalised);
      const matches = await verifyPassword(account?.passwordHash ?? (await decoyHash), password);
      if (!account || !matches) return { ok: false, reason: 'invalid' };

      limiter.reset(key);
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
      if (userId) {
        await recordAudit(db, { userId, action: 'logout', entityType: 'user', entityId: userId });
      }
    },
  };
}

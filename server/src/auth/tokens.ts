import { createHash, randomBytes } from 'node:crypto';

/** A new session token: 160 random bits, base64url so it is cookie-safe. */
export function generateSessionToken(): string {
  return randomBytes(20).toString('base64url');
}

/** The stored session id: SHA-256 of the token, so a leaked table cannot be replayed. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session-service.js';

/** Sets (or slides) the session cookie on an API answer. */
export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, sessionCookieOptions(new URL(c.req.url), expiresAt));
}

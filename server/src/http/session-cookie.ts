import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_COOKIE, cookieIsSecure } from '../auth/session-service.js';

/** Sets (or slides) the session cookie the way DESIGN §5 asks: HttpOnly, SameSite=Lax. */
export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: cookieIsSecure(new URL(c.req.url)),
    path: '/',
    expires: expiresAt,
  });
}

import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionCookieOptions } from '@careweave/server';

/** Sets (or slides) the session cookie on a page's answer. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt));
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
}

export function sessionToken(cookies: Cookies): string | undefined {
  return cookies.get(SESSION_COOKIE);
}

import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, cookieIsSecure } from '@careweave/server';

/** Sets (or slides) the session cookie the way DESIGN §5 asks: HttpOnly, SameSite=Lax. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(url),
    expires: expiresAt,
  });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(url),
  });
}

export function sessionToken(cookies: Cookies): string | undefined {
  return cookies.get(SESSION_COOKIE);
}

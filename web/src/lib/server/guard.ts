import { redirect } from '@sveltejs/kit';
import type { User } from '@careweave/server';

/** Where to send someone after signing in: only a path on this site, never `//elsewhere`. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/')) return '/people';
  // Read as a browser would (it drops tabs and newlines, and `/\` means `//`): only a path on
  // this site, written out again so no control character reaches the Location header.
  const here = 'http://careweave.invalid';
  if (!URL.canParse(next, here)) return '/people';
  const url = new URL(next, here);
  return url.origin === here ? url.pathname + url.search + url.hash : '/people';
}

/** The signed-in user; otherwise off to sign in, coming back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): User {
  if (!locals.user) redirect(303, signInPath(url));
  return locals.user;
}

export function signInPath(url: URL): string {
  return `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}

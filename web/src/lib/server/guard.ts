import { redirect } from '@sveltejs/kit';
import type { User } from '@careweave/server';

/** Where to send someone after signing in: only a path on this site, never `//elsewhere`. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/people';
  }
  return next;
}

/** The signed-in user; otherwise off to sign in, coming back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): User {
  if (!locals.user) redirect(303, signInPath(url));
  return locals.user;
}

export function signInPath(url: URL): string {
  return `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}

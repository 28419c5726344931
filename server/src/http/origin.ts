import { createMiddleware } from 'hono/factory';
import { fail } from './errors.js';

/** The Origin must be the page's own host or one configured; non-browsers send none. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses requests that change something when a browser says they come from another site.
 * The session cookie is SameSite=Lax, which still lets a page on another port or subdomain of
 * the same site post to the API as the signed-in user; browsers name the page's origin on
 * every such request, so it is checked like the WebSocket's.
 */
export function refuseCrossSiteWrites(allowed: readonly string[]) {
  return createMiddleware(async (c, next) => {
    if (
      !READS.has(c.req.method) &&
      !originAllowed(c.req.header('origin'), c.req.header('host'), allowed)
    ) {
      fail(403, 'This request came from another site, so it was refused.');
    }
    await next();
  });
}

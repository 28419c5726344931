import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { BACKGROUND_HEADER } from '@careweave/shared';
import { SESSION_COOKIE, type SessionService } from '../auth/session-service.js';
import type { User } from '../repo/users.js';
import { fail } from './errors.js';
import { setSessionCookie } from './session-cookie.js';

/** Routes behind `requireUser` find the signed-in user in `c.var.user`. */
export type Env = { Variables: { user: User } };

/** What someone still on a temporary password may ask: who they are, and to choose their own. */
const BEFORE_OWN_PASSWORD = new Set(['GET /api/me', 'POST /api/me/password']);

/**
 * Answers 401 unless the request carries a live session, whose cookie then slides with it; 403
 * for anything but choosing a password while the user still has a temporary one.
 */
export function requireUser(sessions: SessionService) {
  return createMiddleware<Env>(async function requireUser(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    const activity = c.req.header(BACKGROUND_HEADER) === undefined;
    const session = await sessions.validate(token, { activity });
    if (!session) fail(401, 'Your session has ended. Sign in to continue.');
    if (
      session.user.mustChangePassword &&
      !BEFORE_OWN_PASSWORD.has(`${c.req.method} ${c.req.path}`)
    ) {
      fail(403, 'Choose a password of your own first (POST /api/me/password).');
    }
    setSessionCookie(c, token!, session.expiresAt);
    c.set('user', session.user);
    await next();
  });
}

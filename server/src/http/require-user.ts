import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { SESSION_COOKIE, type SessionService } from '../auth/session-service.js';
import type { User } from '../repo/users.js';
import { fail } from './errors.js';

/** Routes behind `requireUser` find the signed-in user in `c.var.user`. */
export type Env = { Variables: { user: User } };

/** Answers 401 unless the request carries a live session. */
export function requireUser(sessions: SessionService) {
  return createMiddleware<Env>(async function requireUser(c, next) {
    const session = await sessions.validate(getCookie(c, SESSION_COOKIE));
    if (!session) fail(401, 'Your session has ended. Sign in to continue.');
    c.set('user', session.user);
    await next();
  });
}

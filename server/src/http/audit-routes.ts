import { Hono, type MiddlewareHandler } from 'hono';
import type { AuditService } from '../audit/audit-service.js';
import { unwrap } from './outcomes.js';
import type { Env } from './require-user.js';

/** `GET /api/audit`: the audit trail for administrators, newest first, a page at a time. */
export function auditRoutes(
  { audit }: { audit: AuditService },
  requireUser: MiddlewareHandler<Env>,
) {
  const app = new Hono<Env>();
  app.get('/audit', requireUser, async (c) => {
    const { userId, planId, from, to, before } = c.req.query();
    const query = { userId, planId, from, to, before };
    const { entries, next } = unwrap(await audit.list(c.var.user, query));
    return c.json({ entries, next });
  });
  return app;
}

import { Hono, type MiddlewareHandler } from 'hono';
import type { DashboardService } from '../dashboard/dashboard-service.js';
import { unwrap } from './outcomes.js';
import type { Env } from './require-user.js';

/** The neighbourhood dashboard and the lists behind its figures, under `/api`. */
export function dashboardRoutes(
  { dashboard }: { dashboard: DashboardService },
  requireUser: MiddlewareHandler<Env>,
) {
  const app = new Hono<Env>();

  app.get('/dashboard', requireUser, async (c) =>
    c.json(unwrap(await dashboard.figures(c.var.user)).figures),
  );

  app.get('/dashboard/list', requireUser, async (c) => {
    const figure = c.req.query('figure') ?? '';
    const key = c.req.query('key') ?? '';
    return c.json(unwrap(await dashboard.list(c.var.user, figure, key)).rows);
  });

  return app;
}

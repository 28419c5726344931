import { Hono, type MiddlewareHandler } from 'hono';
import type { VersionsService } from '../versions/versions-service.js';
import { jsonObject, unwrap } from './outcomes.js';
import type { Env } from './require-user.js';

/** A plan's signed-off versions (DESIGN §6), with compare, restore and its preview. */
export function versionRoutes(
  { versions }: { versions: VersionsService },
  requireUser: MiddlewareHandler<Env>,
) {
  const app = new Hono<Env>();

  app.get('/plans/:planId/versions', requireUser, async (c) => {
    const { versions: list } = unwrap(await versions.list(c.var.user, c.req.param('planId')));
    return c.json(list);
  });

  app.post('/plans/:planId/versions', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'a label, and the meeting if signed off at one');
    const { id } = unwrap(await versions.create(c.var.user, c.req.param('planId'), body));
    return c.json({ id }, 201);
  });

  app.get('/plans/:planId/versions/:id', requireUser, async (c) => {
    const { planId, id } = c.req.param();
    const { version } = unwrap(await versions.get(c.var.user, planId, id));
    return c.json(version);
  });

  app.get('/plans/:planId/versions/:id/compare', requireUser, async (c) => {
    const { planId, id } = c.req.param();
    const { documents } = unwrap(await versions.compare(c.var.user, planId, id));
    return c.json({ documents });
  });

  app.get('/plans/:planId/versions/:id/restore-preview', requireUser, async (c) => {
    const { planId, id } = c.req.param();
    const { documents } = unwrap(await versions.previewRestore(c.var.user, planId, id));
    return c.json({ documents });
  });

  app.post('/plans/:planId/versions/:id/restore', requireUser, async (c) => {
    const { planId, id } = c.req.param();
    const { restored } = unwrap(await versions.restore(c.var.user, planId, id));
    return c.json({ restored });
  });

  return app;
}

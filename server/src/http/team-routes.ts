import { Hono, type MiddlewareHandler } from 'hono';
import type { TeamService } from '../team/team-service.js';
import { jsonObject, unwrap } from './outcomes.js';
import type { Env } from './require-user.js';

/**
 * `/api/team/members`: an administrator's teams, one entry per membership; adding, changing and
 * removing members, and resetting a member's password. (`GET /api/team` stays every member's
 * list of colleagues.)
 */
export function teamRoutes({ team }: { team: TeamService }, requireUser: MiddlewareHandler<Env>) {
  const app = new Hono<Env>();

  app.get('/team/members', requireUser, async (c) => {
    const { members } = unwrap(await team.members(c.var.user));
    return c.json(members);
  });

  app.post('/team/members', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the member’s name, email, role and organisation');
    const { id, created, temporaryPassword } = unwrap(await team.add(c.var.user, body));
    return c.json({ id, created, temporaryPassword }, created ? 201 : 200);
  });

  app.patch('/team/members/:userId', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'a role, or canChair');
    const { members } = unwrap(await team.update(c.var.user, c.req.param('userId'), body));
    return c.json(members);
  });

  app.post('/team/members/:userId/password', requireUser, async (c) => {
    const { temporaryPassword } = unwrap(
      await team.resetPassword(c.var.user, c.req.param('userId')),
    );
    return c.json({ temporaryPassword });
  });

  app.delete('/team/members/:userId/neighbourhoods/:neighbourhoodId', requireUser, async (c) => {
    const { userId, neighbourhoodId } = c.req.param();
    unwrap(await team.remove(c.var.user, userId, neighbourhoodId));
    return c.body(null, 204);
  });

  return app;
}

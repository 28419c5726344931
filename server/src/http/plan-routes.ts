import { Hono, type MiddlewareHandler } from 'hono';
import type { PeopleService } from '../people-service.js';
import type { PlansService } from '../plans/plans-service.js';
import { parseServiceMoment } from '../calendar.js';
import { fail } from './errors.js';
import { jsonObject, unwrap } from './outcomes.js';
import type { Env } from './require-user.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** `?since=` as a time; a week ago when absent (DESIGN: "since last week"). */
function sinceOf(value: string | undefined): Date {
  if (!value) return new Date(Date.now() - WEEK_MS);
  const since = parseServiceMoment(value);
  if (!since) {
    fail(400, 'Give since as a date and time.', {
      since: 'Use an ISO date, or date and time, for example 2026-11-16T09:00:00Z',
    });
  }
  return since;
}

/** People, plans, the team and my actions, under `/api` (DESIGN §6). */
export function planRoutes(
  { people, plans }: { people: PeopleService; plans: PlansService },
  requireUser: MiddlewareHandler<Env>,
) {
  // requireUser goes on each route, not on '*': mounted under /api, a '*' middleware would
  // also answer 401 for endpoints that do not exist, where the app answers 404.
  const app = new Hono<Env>();

  app.get('/people', requireUser, async (c) => c.json(await people.list(c.var.user)));

  app.post('/people', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the person’s details');
    const { id, planId } = unwrap(await people.create(c.var.user, body));
    return c.json({ id, planId }, 201);
  });

  app.get('/people/:id', requireUser, async (c) => {
    const { person } = unwrap(await people.open(c.var.user, c.req.param('id')));
    return c.json(person);
  });

  app.patch('/people/:id', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the details to change');
    const { person } = unwrap(await people.update(c.var.user, c.req.param('id'), body));
    return c.json(person);
  });

  app.get('/team', requireUser, async (c) => c.json(await people.team(c.var.user)));

  app.get('/me/actions', requireUser, async (c) => c.json(await plans.myActions(c.var.user)));

  app.get('/plans/:planId', requireUser, async (c) => {
    const plan = await people.openPlan(c.var.user, c.req.param('planId'));
    if (!plan) fail(404, 'There is no such plan, or you do not have access to it.');
    return c.json(plan);
  });

  app.get('/plans/:planId/changes', requireUser, async (c) => {
    const since = sinceOf(c.req.query('since'));
    const changes = await plans.changes(c.var.user, c.req.param('planId'), since);
    if (!changes) fail(404, 'There is no such plan, or you do not have access to it.');
    return c.json(changes);
  });

  app.get('/plans/:planId/fhir', requireUser, async (c) => {
    const planId = c.req.param('planId');
    const { bundle } = unwrap(await plans.fhirBundle(c.var.user, planId));
    return c.body(JSON.stringify(bundle), 200, {
      'content-type': 'application/fhir+json; charset=utf-8',
      'content-disposition': `attachment; filename="care-plan-${planId}.fhir.json"`,
    });
  });

  return app;
}

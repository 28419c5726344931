import { Hono, type MiddlewareHandler } from 'hono';
import type { MeasuresService } from '../measures/measures-service.js';
import type { PeopleService } from '../people-service.js';
import { fail } from './errors.js';
import { jsonObject, unwrap } from './outcomes.js';
import type { Env } from './require-user.js';

/** Wellbeing measures (DESIGN §6) and pathway history, under `/api`. */
export function measureRoutes(
  { measures, people }: { measures: MeasuresService; people: PeopleService },
  requireUser: MiddlewareHandler<Env>,
) {
  const app = new Hono<Env>();

  app.post('/people/:id/measures', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'an instrument and its items');
    const { id, raw, score, complete, incompleteReason, takenAt } = unwrap(
      await measures.record(c.var.user, c.req.param('id'), body),
    );
    return c.json({ id, raw, score, complete, incompleteReason, takenAt }, 201);
  });

  app.delete('/people/:id/measures/:measureId', requireUser, async (c) => {
    unwrap(await measures.remove(c.var.user, c.req.param('id'), c.req.param('measureId')));
    return c.body(null, 204);
  });

  app.get('/people/:id/measures', requireUser, async (c) => {
    const answer = unwrap(await measures.read(c.var.user, c.req.param('id')));
    const { baseline, followUpDue, followUpStatus, change } = answer;
    return c.json({ measures: answer.measures, baseline, followUpDue, followUpStatus, change });
  });

  app.get('/measures/items', requireUser, (c) => {
    const items = measures.items(c.req.query('instrument'));
    if (!items) fail(400, 'Give the instrument: ?instrument=WEMWBS or ?instrument=SWEMWBS.');
    return c.json(items);
  });

  app.get('/people/:id/pathway-history', requireUser, async (c) => {
    const { history } = unwrap(await people.pathwayHistory(c.var.user, c.req.param('id')));
    return c.json(history);
  });

  return app;
}

import { Hono, type MiddlewareHandler } from 'hono';
import type { ReferralsService } from '../referrals/referrals-service.js';
import { jsonObject, unwrap } from './outcomes.js';
import type { Env } from './require-user.js';

/** The provider directory and referrals, under `/api`. */
export function referralRoutes(
  { referrals }: { referrals: ReferralsService },
  requireUser: MiddlewareHandler<Env>,
) {
  const app = new Hono<Env>();

  app.get('/providers', requireUser, async (c) =>
    c.json(unwrap(await referrals.providers(c.var.user)).providers),
  );

  app.post('/providers', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the provider’s name and description');
    const { id } = unwrap(await referrals.createProvider(c.var.user, body));
    return c.json({ id }, 201);
  });

  app.patch('/providers/:id', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the details to change');
    const { provider } = unwrap(
      await referrals.updateProvider(c.var.user, c.req.param('id'), body),
    );
    return c.json(provider);
  });

  app.post('/providers/:id/services', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the service’s name, kind and description');
    const { id } = unwrap(await referrals.addService(c.var.user, c.req.param('id'), body));
    return c.json({ id }, 201);
  });

  app.patch('/services/:id', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the details to change');
    const { service } = unwrap(await referrals.updateService(c.var.user, c.req.param('id'), body));
    return c.json(service);
  });

  app.post('/plans/:planId/referrals', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'a service, a reason and an urgency');
    const { id } = unwrap(await referrals.create(c.var.user, c.req.param('planId'), body));
    return c.json({ id }, 201);
  });

  app.get('/plans/:planId/referrals', requireUser, async (c) =>
    c.json(unwrap(await referrals.forPlan(c.var.user, c.req.param('planId'))).referrals),
  );

  app.get('/referrals', requireUser, async (c) =>
    c.json(unwrap(await referrals.mine(c.var.user)).referrals),
  );

  app.post('/referrals/:id/status', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'the new status, and a note if you like');
    const { referral } = unwrap(await referrals.setStatus(c.var.user, c.req.param('id'), body));
    return c.json(referral);
  });

  return app;
}

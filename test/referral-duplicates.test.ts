import { beforeAll, describe, expect, it } from 'vitest';
import { escapeRegExp, getJson, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addPerson,
  makeReferral,
  providers,
  serviceOf,
  setReferralStatus,
  type Referral,
} from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

/** No staff of this provider sign in, so the team records its answers. */
const MONEY_ADVICE = 'Heatons Money Advice';

describe(`a second referral to a service already working with the person (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  let gpCookie: string;
  let serviceId: string;
  let serviceName: string;
  let otherServiceId: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
    gpCookie = await login(server.url, 'gp@demo.test');
    const directory = await providers(server.url, navCookie);
    const { service } = serviceOf(directory, MONEY_ADVICE);
    serviceId = service.id;
    serviceName = `${service.name} (${MONEY_ADVICE})`;
    otherServiceId = serviceOf(directory, 'Tame Valley Peer Support').service.id;
  });

  const refer = (cookie: string, planId: string, service: string, reason: string) =>
    send(server.url, 'POST', `/api/plans/${planId}/referrals`, cookie, {
      serviceId: service,
      reason,
      urgency: 'routine',
    });
  const referralsOf = (planId: string) =>
    getJson<Referral[]>(server.url, `/api/plans/${planId}/referrals`, navCookie);

  it('is refused while the first is open, saying who sent it, and allowed once it is closed', async () => {
    const person = await addPerson(server.url, navCookie, 'Recovery', { consent: true });
    const first = await makeReferral(server.url, navCookie, person.planId, {
      serviceId,
      reason: 'Council tax arrears',
      urgency: 'routine',
    });

    const again = await refer(gpCookie, person.planId, serviceId, 'Rent arrears');
    expect(again.status).toBe(409);
    const body = (await again.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toMatch(
      new RegExp(
        `^Jo Hartley referred ${person.name} to ${escapeRegExp(serviceName)} on .*still sent\\.`,
      ),
    );
    expect(body.fields.serviceId).toBe(body.error);
    const own = await refer(navCookie, person.planId, serviceId, 'Rent arrears');
    expect(((await own.json()) as { error: string }).error).toMatch(/^You referred /);
    // Another service is another matter.
    expect((await refer(gpCookie, person.planId, otherServiceId, 'Peer group')).status).toBe(201);

    expect(
      (await setReferralStatus(server.url, navCookie, first, { status: 'accepted' })).status,
    ).toBe(200);
    const accepted = await refer(gpCookie, person.planId, serviceId, 'Rent arrears');
    expect(((await accepted.json()) as { error: string }).error).toMatch(/still accepted\./);

    expect(
      (await setReferralStatus(server.url, navCookie, first, { status: 'in-progress' })).status,
    ).toBe(200);
    expect(
      (await setReferralStatus(server.url, navCookie, first, { status: 'completed' })).status,
    ).toBe(200);
    expect((await refer(gpCookie, person.planId, serviceId, 'Rent arrears')).status).toBe(201);
    const toService = (await referralsOf(person.planId)).filter((r) => r.service.id === serviceId);
    expect(toService.map((r) => r.status).sort()).toEqual(['completed', 'sent']);
  });

  it('lets only one of two sent at the same moment through', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const answers = await Promise.all([
      refer(navCookie, person.planId, serviceId, 'Debt'),
      refer(gpCookie, person.planId, serviceId, 'Debt too'),
      refer(navCookie, person.planId, serviceId, 'Debt again'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(await referralsOf(person.planId)).toHaveLength(1);
  });
});

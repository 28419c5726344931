import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addPerson, makeReferral, type Dashboard } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

// Two providers may each offer a service of the same name: the dashboard's referral figures say
// whose each is, so the GP lead can tell the two apart.

describe(`referrals on the dashboard, by provider (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('name the provider of each service, so two services of one name are told apart', async () => {
    const adminCookie = await login(server.url, 'admin@demo.test');
    const navCookie = await login(server.url, 'navigator@demo.test');
    const stamp = Date.now();
    const serviceOf = async (provider: string) => {
      const created = await send(server.url, 'POST', '/api/providers', adminCookie, {
        name: provider,
        description: '',
      });
      const { id } = (await created.json()) as { id: string };
      const service = await send(server.url, 'POST', `/api/providers/${id}/services`, adminCookie, {
        name: `Drop-in ${stamp}`,
        kind: 'housing-advice',
        description: '',
      });
      expect(service.status, await service.clone().text()).toBe(201);
      return ((await service.json()) as { id: string }).id;
    };
    const housing = await serviceOf(`Reddish Housing Advice ${stamp}`);
    const money = await serviceOf(`Brinnington Money Help ${stamp}`);
    const person = await addPerson(server.url, navCookie, 'Prevention');
    for (const serviceId of [housing, money]) {
      await makeReferral(server.url, navCookie, person.planId, {
        serviceId,
        reason: 'Rent arrears',
        urgency: 'routine',
      });
    }

    const gpCookie = await login(server.url, 'gp@demo.test');
    const figures = await getJson<Dashboard>(server.url, '/api/dashboard', gpCookie);
    const rows = figures.referralsByServiceStatus.filter((r) => r.service === `Drop-in ${stamp}`);
    expect(rows).toEqual([
      {
        serviceId: money,
        service: `Drop-in ${stamp}`,
        provider: `Brinnington Money Help ${stamp}`,
        status: 'sent',
        count: 1,
      },
      {
        serviceId: housing,
        service: `Drop-in ${stamp}`,
        provider: `Reddish Housing Advice ${stamp}`,
        status: 'sent',
        count: 1,
      },
    ]);
  });
});

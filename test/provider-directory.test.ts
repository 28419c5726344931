import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

describe(`the provider directory (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;

  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
  });

  const addProvider = (name: string) =>
    send(server.url, 'POST', '/api/providers', adminCookie, { name, description: 'Weekly' });
  const rename = (id: string, name: string) =>
    send(server.url, 'PATCH', `/api/providers/${id}`, adminCookie, { name });

  it('holds one provider of a name, whatever its capitals and spaces', async () => {
    const created = await addProvider('Marple Walking Group');
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const again = await addProvider('  marple walking GROUP ');
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: 'A provider with this name is already in the directory.',
    });

    const other = (await (await addProvider('Marple Book Club')).json()) as { id: string };
    expect((await rename(other.id, 'MARPLE WALKING GROUP')).status).toBe(409);
    // Its own name in other capitals is still its own.
    expect((await rename(id, 'Marple walking group')).status).toBe(200);
  });

  it('holds one provider of a name however its inner spaces run, and stores it single-spaced', async () => {
    // The demo directory lists Heatons Money Advice.
    const doubled = await addProvider('heatons  money advice');
    expect(doubled.status).toBe(409);
    expect((await addProvider('Heatons\tMoney   Advice')).status).toBe(409);

    const created = await addProvider('Bramhall   Bowls  Club');
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const listed = await getJson<{ id: string; name: string }[]>(
      server.url,
      '/api/providers',
      adminCookie,
    );
    expect(listed.find((p) => p.id === id)!.name).toBe('Bramhall Bowls Club');
    expect((await addProvider('bramhall bowls club')).status).toBe(409);

    const other = (await (await addProvider('Bramhall Tennis Club')).json()) as { id: string };
    expect((await rename(other.id, 'BRAMHALL  BOWLS   CLUB')).status).toBe(409);
  });

  it('holds one service of a name at a provider, however it is spelt, added or renamed', async () => {
    const { id } = (await (await addProvider('Reddish Food Share')).json()) as { id: string };
    const addService = (name: string) =>
      send(server.url, 'POST', `/api/providers/${id}/services`, adminCookie, {
        name,
        kind: 'peer-group',
      });
    expect((await addService('Friday pantry')).status).toBe(201);
    const again = await addService('friday   PANTRY');
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: 'This provider already offers a service with this name.',
    });
    const other = (await (await addService('Cooking on a budget')).json()) as { id: string };
    const renamed = await send(server.url, 'PATCH', `/api/services/${other.id}`, adminCookie, {
      name: 'Friday Pantry',
    });
    expect(renamed.status).toBe(409);
    // Another provider may offer a service of the same name.
    const elsewhere = (await (await addProvider('Brinnington Food Share')).json()) as {
      id: string;
    };
    const there = await send(
      server.url,
      'POST',
      `/api/providers/${elsewhere.id}/services`,
      adminCookie,
      {
        name: 'Friday pantry',
        kind: 'peer-group',
      },
    );
    expect(there.status).toBe(201);
  });

  it('lets one of many concurrent creates of a name through, whatever their capitals', async () => {
    const spellings = [
      'Reddish Allotment Friends',
      'reddish allotment friends',
      'REDDISH ALLOTMENT FRIENDS',
    ];
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => addProvider(spellings[i % spellings.length]!)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(23).fill(409)]);

    const listed = await getJson<{ name: string }[]>(server.url, '/api/providers', adminCookie);
    expect(listed.filter((p) => p.name.toLowerCase() === 'reddish allotment friends')).toHaveLength(
      1,
    );
  });

  it('lets one of two concurrent renames to one name through', async () => {
    const ids = await Promise.all(
      ['Brinnington Chess Club', 'Brinnington Card Club'].map(
        async (name) => ((await (await addProvider(name)).json()) as { id: string }).id,
      ),
    );
    const answers = await Promise.all([
      rename(ids[0]!, 'Brinnington Games Club'),
      rename(ids[1]!, 'BRINNINGTON GAMES CLUB'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('names the provider, and the service, in the audit trail', async () => {
    const { id } = (await (await addProvider('Offerton Men’s Shed')).json()) as { id: string };
    const service = await send(server.url, 'POST', `/api/providers/${id}/services`, adminCookie, {
      name: 'Tuesday workshop',
      kind: 'peer-group',
    });
    expect(service.status, await service.clone().text()).toBe(201);
    const { entries } = await getJson<{
      entries: { action: string; provider: string | null }[];
    }>(server.url, '/api/audit', adminCookie);
    expect(entries.slice(0, 2).map((e) => [e.action, e.provider])).toEqual([
      ['service.create', 'Offerton Men’s Shed: Tuesday workshop'],
      ['provider.create', 'Offerton Men’s Shed'],
    ]);
  });
});

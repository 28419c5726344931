import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, me, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

interface Membership {
  id: string;
  email: string;
  role: string;
  canChair: boolean;
  neighbourhoodId: string;
}

describe(`keeping someone in a team who may chair it (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;
  let teamId: string;
  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
    teamId = (await me(server.url, adminCookie)).neighbourhoods[0]!.id;
  });

  const members = () => getJson<Membership[]>(server.url, '/api/team/members', adminCookie);
  const patch = (id: string, body: object) =>
    send(server.url, 'PATCH', `/api/team/members/${id}`, adminCookie, body);
  const remove = (id: string) =>
    send(server.url, 'DELETE', `/api/team/members/${id}/neighbourhoods/${teamId}`, adminCookie, {});
  const refusal = {
    error: expect.stringMatching(/without anyone who may chair its meetings\. Let another/),
  };

  it('refuses to demote, stop or remove the last member who may chair, and allows it once another may', async () => {
    const gp = (await members()).find((m) => m.email === 'gp@demo.test')!;
    expect((await members()).filter((m) => m.canChair)).toEqual([]);

    const demote = await patch(gp.id, { role: 'nurse' });
    expect(demote.status).toBe(409);
    expect(await demote.json()).toMatchObject(refusal);
    const removed = await remove(gp.id);
    expect(removed.status).toBe(409);
    expect(await removed.json()).toMatchObject(refusal);
    expect((await members()).find((m) => m.id === gp.id)).toMatchObject({ role: 'gp_lead' });

    const added = await send(server.url, 'POST', '/api/team/members', adminCookie, {
      name: 'Charlie Chair',
      email: `charlie.chair.${Date.now()}@demo.test`,
      role: 'nurse',
    });
    expect(added.status).toBe(201);
    const { id: nurseId } = (await added.json()) as { id: string };
    expect((await patch(nurseId, { canChair: true })).status).toBe(200);
    expect((await patch(gp.id, { role: 'nurse' })).status).toBe(200);

    // Now the nurse is the one who may.
    const stop = await patch(nurseId, { canChair: false });
    expect(stop.status).toBe(409);
    expect(await stop.json()).toMatchObject(refusal);
    expect((await remove(nurseId)).status).toBe(409);
    expect((await members()).find((m) => m.id === nurseId)).toMatchObject({ canChair: true });

    expect((await patch(gp.id, { role: 'gp_lead' })).status).toBe(200);
    expect((await patch(nurseId, { canChair: false })).status).toBe(200);
    expect((await remove(nurseId)).status).toBe(204);
  });
});

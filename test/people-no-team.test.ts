import { describe, expect, it } from 'vitest';
import { me, send } from './support/api.js';
import { get, login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer } from './support/server.js';

// A clinician removed from their only team has nowhere to add a person: the form offered no
// neighbourhood and refused every save with an error at a field it did not show.

describe(`adding a person with no neighbourhood team (${databaseBackend})`, () => {
  it('is not offered, and the form says why and whom to ask', async () => {
    const server = await startServer();
    const adminCookie = await login(server.url, 'admin@demo.test');
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const nurse = await me(server.url, nurseCookie);
    const teamId = nurse.neighbourhoods[0]!.id;

    const before = await (await get(server.url, '/people', nurseCookie)).text();
    expect(before).toContain('href="/people/new"');

    const path = `/api/team/members/${nurse.id}/neighbourhoods/${teamId}`;
    expect((await send(server.url, 'DELETE', path, adminCookie, {})).status).toBe(204);

    const list = await get(server.url, '/people', nurseCookie);
    expect(list.status).toBe(200);
    expect(await list.text()).not.toContain('href="/people/new"');
    const form = await get(server.url, '/people/new', nurseCookie);
    expect(form.status).toBe(403);
    expect(await form.text()).toContain(
      'You are not in a neighbourhood team, so there is no team to add a person to.',
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, me, send } from './support/api.js';
import { get, listPeople, login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addPerson } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

// A person's pathway (Prevention or Recovery) is set with the date and who set it,
// and moving between pathways keeps the history (GET /api/people/:id/pathway-history).

interface PathwayEntry {
  pathway: string;
  setBy: { id: string; name: string };
  setAt: string;
}

describe(`pathway history (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  let gpCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
    gpCookie = await login(server.url, 'gp@demo.test');
  });

  const historyOf = (personId: string, cookie = navCookie) =>
    getJson<PathwayEntry[]>(server.url, `/api/people/${personId}/pathway-history`, cookie);

  it('records the pathway a person starts on and every move, newest first, attributed', async () => {
    const [navigator, gp] = await Promise.all([
      me(server.url, navCookie),
      me(server.url, gpCookie),
    ]);
    const started = Date.now();
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const first = await historyOf(person.id);
    expect(first).toEqual([
      {
        pathway: 'Prevention',
        setBy: { id: navigator.id, name: navigator.name },
        setAt: expect.any(String),
      },
    ]);
    expect(Date.parse(first[0]!.setAt)).toBeGreaterThanOrEqual(started - 2_000);

    const moved = await send(server.url, 'PATCH', `/api/people/${person.id}`, gpCookie, {
      pathway: 'Recovery',
    });
    expect(moved.status).toBe(200);
    const second = await historyOf(person.id);
    expect(second.map((e) => [e.pathway, e.setBy.id])).toEqual([
      ['Recovery', gp.id],
      ['Prevention', navigator.id],
    ]);
    expect(Date.parse(second[0]!.setAt)).toBeGreaterThanOrEqual(Date.parse(second[1]!.setAt));
    const listed = (await listPeople(server.url, navCookie)).find((p) => p.id === person.id)!;
    expect(listed.pathway).toBe('Recovery');

    // A PATCH that leaves the pathway alone adds nothing.
    const other = await send(server.url, 'PATCH', `/api/people/${person.id}`, navCookie, {
      gpPractice: 'Reddish Vale Surgery',
    });
    expect(other.status).toBe(200);
    expect(await historyOf(person.id)).toEqual(second);
  });

  it('has a history for every demo person, matching their current pathway', async () => {
    for (const person of await listPeople(server.url, gpCookie)) {
      const history = await historyOf(person.id, gpCookie);
      expect(history.length, person.name).toBeGreaterThan(0);
      expect(history[0]!.pathway, person.name).toBe(person.pathway);
    }
  });

  it('is not given for a person the caller may not see', async () => {
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const seen = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    const hidden = (await listPeople(server.url, gpCookie)).find((p) => !seen.has(p.id))!;
    const res = await get(server.url, `/api/people/${hidden.id}/pathway-history`, partnerCookie);
    expect(res.status).toBe(404);
  });
});

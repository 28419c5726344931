import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addMonths,
  addPerson,
  measuresOf,
  recordMeasure,
  same,
  TODAY,
  type DashboardListRow,
} from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

// A measure entered in error (wrong date, wrong person) can be removed by the care team: it
// stops counting as a baseline or follow-up, and the audit trail keeps what it was.

const removeMeasure = (server: TestServer, cookie: string, personId: string, measureId: string) =>
  send(server.url, 'DELETE', `/api/people/${personId}/measures/${measureId}`, cookie, {});

describe(`removing a wellbeing measure entered in error (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('takes a wrongly dated baseline out of the follow-up, the change and the dashboard', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    // The paper form was from four months ago, but the date was left at today.
    const wrong = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
    });
    const right = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: addMonths(TODAY, -4),
    });
    const before = await measuresOf(server.url, navCookie, person.id);
    // The mistake reads as a follow-up done, with no change.
    expect(before.followUpStatus).toBe('done');
    expect(before.change?.meaning).toBe('no-change');

    const res = await removeMeasure(server, navCookie, person.id, wrong.id);
    expect(res.status).toBe(204);

    const after = await measuresOf(server.url, navCookie, person.id);
    expect(after.measures.map((m) => m.id)).toEqual([right.id]);
    expect(after.baseline?.id).toBe(right.id);
    expect(after.followUpStatus).toBe('overdue');
    expect(after.change).toBeNull();
    const overdue = await getJson<DashboardListRow[]>(
      server.url,
      '/api/dashboard/list?figure=follow-up-overdue',
      navCookie,
    );
    expect(overdue.map((r) => r.personId)).toContain(person.id);
    const noChange = await getJson<DashboardListRow[]>(
      server.url,
      '/api/dashboard/list?figure=wellbeing&key=no-change',
      navCookie,
    );
    expect(noChange.map((r) => r.personId)).not.toContain(person.id);

    // Removed once is removed: a second try says so.
    const again = await removeMeasure(server, navCookie, person.id, wrong.id);
    expect(again.status).toBe(404);

    const adminCookie = await login(server.url, 'admin@demo.test');
    const audit = await getJson<{
      entries: { action: string; entityId: string; detail: Record<string, unknown> }[];
    }>(server.url, '/api/audit', adminCookie);
    const entry = audit.entries.find((e) => e.action === 'measure.remove');
    expect(entry).toMatchObject({
      entityId: person.id,
      detail: { measureId: wrong.id, instrument: 'SWEMWBS', takenAt: TODAY, complete: true },
    });
  });

  it('lets only the care team remove one, and only one of that person’s', async () => {
    const person = await addPerson(server.url, navCookie, 'Recovery', { consent: true });
    const other = await addPerson(server.url, navCookie, 'Recovery');
    const measure = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'WEMWBS',
      items: same(14, 4),
    });
    for (const email of ['partner@demo.test', 'admin@demo.test']) {
      const res = await removeMeasure(
        server,
        await login(server.url, email),
        person.id,
        measure.id,
      );
      expect(res.status, email).toBe(403);
    }
    expect((await removeMeasure(server, navCookie, other.id, measure.id)).status).toBe(404);
    expect((await removeMeasure(server, navCookie, person.id, 'not-an-id')).status).toBe(404);
    const listed = await measuresOf(server.url, navCookie, person.id);
    expect(listed.measures.map((m) => m.id)).toEqual([measure.id]);

    const nurseCookie = await login(server.url, 'nurse@demo.test');
    expect((await removeMeasure(server, nurseCookie, person.id, measure.id)).status).toBe(204);
    expect((await measuresOf(server.url, navCookie, person.id)).measures).toEqual([]);
  });
});

import { createDb } from '@careweave/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshNhsNumber, me, send } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { createTestDatabase, databaseBackend, type TestDatabase } from '../support/database.js';
import { createMeeting, daysFromNow, meetingOf } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

// A chair in two neighbourhood teams prepares one team's meeting: only that team's people may
// go on its agenda.

const OTHER_TEAM = 'Reddish';

describe(`"Add a case" offers the meeting's team's people only (${databaseBackend})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ database });
    // Embedded PGlite has one process at a time: put the GP lead in a second team with it down.
    await server.kill();
    const db = await createDb({ url: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
    try {
      await db.db.execute(`insert into neighbourhoods (name) values ('${OTHER_TEAM}')`);
      await db.db.execute(
        `insert into team_members (neighbourhood_id, user_id)
         select n.id, u.id from neighbourhoods n, users u
         where n.name = '${OTHER_TEAM}' and u.email = 'gp@demo.test'`,
      );
    } finally {
      await db.close();
    }
    await server.restart();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('leaves out the other team’s people, and the server refuses one sent by hand', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const gp = await me(server.url, cookie);
    const home = gp.neighbourhoods.find((n) => n.name !== OTHER_TEAM)!;
    const other = gp.neighbourhoods.find((n) => n.name === OTHER_TEAM)!;
    const created = await send(server.url, 'POST', '/api/people', cookie, {
      nhsNumber: freshNhsNumber(),
      givenName: 'Olwen',
      familyName: 'Reddishfield',
      dateOfBirth: '1950-03-04',
      pathway: 'Prevention',
      neighbourhoodId: other.id,
    });
    expect(created.status).toBe(201);
    const { id: outsiderId } = (await created.json()) as { id: string };
    const people = await listPeople(server.url, cookie);
    const homePeople = people.filter((p) => p.neighbourhood === home.name);
    expect(people.some((p) => p.id === outsiderId)).toBe(true);

    const meetingId = await createMeeting(server.url, cookie, daysFromNow(3));
    const page = await signIn(browser, server, 'gp@demo.test');
    await page.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a case' }) });
    const person = form.getByLabel('Person', { exact: true });
    await person.waitFor({ timeout: STEP_MS });
    const offered = (await person.locator('option').allInnerTexts()).slice(1);
    expect(offered.sort()).toEqual(homePeople.map((p) => p.name).sort());
    expect(offered).not.toContain('Olwen Reddishfield');

    // Sent by hand, to the API and to the page's own form action.
    const api = await send(server.url, 'POST', `/api/meetings/${meetingId}/cases`, cookie, {
      personId: outsiderId,
      reason: 'review',
      minutesAllotted: 10,
    });
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({
      fields: { personId: 'Choose a person from this neighbourhood team' },
    });
    const action = await fetch(`${server.url}/meetings/${meetingId}?/addCase`, {
      method: 'POST',
      headers: {
        cookie,
        origin: server.url,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ personId: outsiderId, reason: 'review', minutesAllotted: '10' }),
    });
    const answer = (await action.json()) as { type: string; status: number; data: string };
    expect(answer).toMatchObject({ type: 'failure', status: 400 });
    expect(answer.data).toContain('Choose a person from this neighbourhood team');
    expect((await meetingOf(server.url, cookie, meetingId)).cases).toEqual([]);
  });
});

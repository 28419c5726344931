import { beforeAll, describe, expect, it } from 'vitest';
import { addGoal, sharedPlanDocument } from '@careweave/shared';
import { freshNhsNumber, getJson, me, send } from './support/api.js';
import { connect, listPeople, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addPerson, type DashboardListRow } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

describe(`the order of GET /api/people (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('is by family name as a reader looks for it: accents and lower-case particles in place', async () => {
    // Added out of order; a byte-wise collation puts Ávila, de Souza and van Dijk after Zucker.
    const names = [
      ['Ivy', 'Zucker'],
      ['Rui', 'de Souza'],
      ['Ana', 'Ávila'],
      ['Bea', 'Abbott'],
      ['Wim', 'van Dijk'],
      ['Ada', 'Dean'],
      ['Ben', 'Abbott'],
    ];
    for (const [givenName, familyName] of names) {
      const res = await send(server.url, 'POST', '/api/people', navCookie, {
        nhsNumber: freshNhsNumber(),
        givenName,
        familyName,
        dateOfBirth: '1955-03-01',
        pathway: 'Prevention',
      });
      expect(res.status, familyName).toBe(201);
    }
    const added = new Set(names.map(([given, family]) => `${given} ${family}`));
    const listed = (await listPeople(server.url, navCookie))
      .map((p) => p.name)
      .filter((name) => added.has(name));
    expect(listed).toEqual([
      'Bea Abbott',
      'Ben Abbott',
      'Ana Ávila',
      'Rui de Souza',
      'Ada Dean',
      'Wim van Dijk',
      'Ivy Zucker',
    ]);
  });

  it('holds for the list behind a dashboard goals figure too', async () => {
    const navigator = await me(server.url, navCookie);
    const tag = Date.now();
    // Added Zucker first: a byte-wise order puts Ávila after Zucker.
    const people = [];
    for (const familyName of [`Zucker-${tag}`, `Ávila-${tag}`]) {
      const person = await addPerson(server.url, navCookie, 'Recovery', { familyName });
      const editor = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
      await synced(editor);
      addGoal(
        editor.doc,
        { text: `Goal of ${familyName}`, horizon: 'month', category: 'volunteering' },
        navigator.id,
      );
      people.push(person);
    }
    const ours = new Set(people.map((p) => p.id));
    const listed = async () =>
      (
        await getJson<DashboardListRow[]>(
          server.url,
          '/api/dashboard/list?figure=goals&key=volunteering:active',
          navCookie,
        )
      )
        .filter((row) => ours.has(row.personId))
        .map((row) => row.detail);
    await waitFor(async () => (await listed()).length === 2, 'both goals to reach the dashboard');
    expect(await listed()).toEqual([`Goal of Ávila-${tag}`, `Goal of Zucker-${tag}`]);
  });
});

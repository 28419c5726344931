import { beforeAll, describe, expect, it } from 'vitest';
import { freshNhsNumber, send } from './support/api.js';
import { listPeople, login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
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
});

import { beforeAll, describe, expect, it } from 'vitest';
import { freshNhsNumber, send } from './support/api.js';
import { listPeople, login, postLogin } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { daysFromNow, meetingOf } from './support/meetings.js';
import { startServer, type TestServer } from './support/server.js';

/** Posts a page's form action as the browser's enhanced form does. */
function postForm(server: TestServer, path: string, cookie: string, body: string, type?: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      cookie,
      origin: server.url,
      accept: 'application/json',
      'x-sveltekit-action': 'true',
      ...(type ? { 'content-type': type } : {}),
    },
    body,
  });
}

describe(`bad input over HTTP (${databaseBackend})`, () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'navigator@demo.test');
  });

  it('refuses text with a null character, naming the field, and stores nothing', async () => {
    const nhsNumber = freshNhsNumber();
    const res = await send(server.url, 'POST', '/api/people', cookie, {
      nhsNumber,
      givenName: 'Nora\u0000',
      familyName: 'Nulton',
      dateOfBirth: '1950-03-04',
      pathway: 'Recovery',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'Check the fields marked.',
      fields: { givenName: 'Remove the null character (U+0000).' },
    });
    const people = await listPeople(server.url, cookie);
    expect(people.some((p) => p.nhsNumber.replaceAll(' ', '') === nhsNumber)).toBe(false);

    expect((await postLogin(server.url, 'gp\u0000@demo.test')).status).toBe(401);
  });

  it('saves a form whose text holds a null character without it', async () => {
    const chairCookie = await login(server.url, 'gp@demo.test');
    const form = new URLSearchParams({
      startsAt: daysFromNow(7).toISOString(),
      place: 'Room\u0000 4',
    });
    const res = await postForm(
      server,
      '/meetings?/schedule',
      chairCookie,
      form.toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { type: string; location: string };
    expect(answer.type).toBe('redirect');
    const meetingId = answer.location.split('/').at(-1)!;
    expect((await meetingOf(server.url, chairCookie, meetingId)).place).toBe('Room 4');
  });

  it('answers 400 to a form it cannot read, and logs no stack for a mangled address', async () => {
    const garbled = await postForm(
      server,
      '/meetings?/schedule',
      cookie,
      'garbage',
      'multipart/form-data; boundary=zz',
    );
    expect(garbled.status).toBe(400);
    expect(await garbled.text()).toMatch(/could not be read/);

    const logged = server.output().length;
    const mangled = await fetch(`${server.url}/people/%ZZ/edit`, { headers: { cookie } });
    expect(mangled.status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.output().slice(logged)).not.toMatch(/\n\s+at /);
  });

  // Last: the server stops reading the body and drops the connection, which fetch may reuse.
  it('refuses an API body over 1 MiB with 413', async () => {
    const res = await send(server.url, 'POST', '/api/meetings', cookie, {
      startsAt: daysFromNow(7).toISOString(),
      place: 'x'.repeat(1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/at most 1024 KiB/) });
  });
});

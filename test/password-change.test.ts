import { beforeAll, describe, expect, it } from 'vitest';
import { me, send } from './support/api.js';
import { CloseCode, sharedPlanDocument } from '@careweave/shared';
import { closeCodeOf, firstPlanId, get, login, openRaw, postLogin } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

describe(`changing one's own password (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;
  let gpCookie: string;
  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
    gpCookie = await login(server.url, 'gp@demo.test');
  });

  /** A new member, added by the administrator, with their temporary password. */
  async function newMember() {
    const email = `pat.pass.${Date.now()}@demo.test`;
    const res = await send(server.url, 'POST', '/api/team/members', adminCookie, {
      name: 'Pat Pass',
      email,
      role: 'care_navigator',
    });
    expect(res.status).toBe(201);
    const { temporaryPassword } = (await res.json()) as { temporaryPassword: string };
    return { email, temporaryPassword, cookie: await login(server.url, email, temporaryPassword) };
  }
  const change = (cookie: string, body: object) =>
    send(server.url, 'POST', '/api/me/password', cookie, body);

  it('asks whoever signed in with a temporary password for their own, then stops asking', async () => {
    const member = await newMember();
    expect((await me(server.url, member.cookie)) as object).toMatchObject({
      mustChangePassword: true,
    });
    // Until then, nothing else answers: no API, no document.
    expect((await get(server.url, '/api/people', member.cookie)).status).toBe(403);
    const planId = await firstPlanId(server.url, gpCookie);
    const socket = openRaw(server.wsUrl, sharedPlanDocument(planId), { cookie: member.cookie });
    expect(await closeCodeOf(socket)).toEqual({
      code: CloseCode.Forbidden,
      reason: 'Choose a password of your own first',
    });
    const next = 'pat chose this one';
    const res = await change(member.cookie, {
      current: member.temporaryPassword,
      next,
      confirm: next,
    });
    expect(res.status, await res.clone().text()).toBe(204);
    expect((await me(server.url, member.cookie)) as object).toMatchObject({
      mustChangePassword: false,
    });
    expect((await postLogin(server.url, member.email, member.temporaryPassword)).status).toBe(401);
    expect((await postLogin(server.url, member.email, next)).status).toBe(200);
    expect((await get(server.url, '/api/people', member.cookie)).status).toBe(200);
    expect((await me(server.url, adminCookie)) as object).toMatchObject({
      mustChangePassword: false,
    });
  });

  it('says what is wrong with each field, and keeps the password when anything is', async () => {
    const member = await newMember();
    const cases: [object, string[]][] = [
      [{}, ['current', 'next']],
      [{ current: member.temporaryPassword, next: 'short', confirm: 'short' }, ['next']],
      [
        { current: member.temporaryPassword, next: 'Careweave2026!', confirm: 'Careweave2026!' },
        ['next'],
      ],
      [
        { current: member.temporaryPassword, next: 'long enough now', confirm: 'other' },
        ['confirm'],
      ],
      [
        { current: 'not the password', next: 'long enough now', confirm: 'long enough now' },
        ['current'],
      ],
    ];
    for (const [body, fields] of cases) {
      const res = await change(member.cookie, body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { fields: Record<string, string> };
      expect(Object.keys(answer.fields).sort()).toEqual(fields);
    }
    expect((await postLogin(server.url, member.email, member.temporaryPassword)).status).toBe(200);
  });

  it('signs the account out elsewhere once changed, and limits tries at the current one', async () => {
    const member = await newMember();
    const elsewhere = await login(server.url, member.email, member.temporaryPassword);
    const next = 'pat chose another';
    const body = { current: member.temporaryPassword, next, confirm: next };
    expect((await change(member.cookie, body)).status).toBe(204);
    expect((await send(server.url, 'POST', '/api/me/password', elsewhere, body)).status).toBe(401);
    expect((await me(server.url, member.cookie)).email).toBe(member.email);

    const guess = { current: 'a guess at it', next: 'long enough now', confirm: 'long enough now' };
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await change(member.cookie, guess)).status);
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    // Even the right one, until the window ends.
    const later = 'pat tries a third';
    const refused = await change(member.cookie, { current: next, next: later, confirm: later });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      fields: { current: expect.stringMatching(/^Too many tries at your current password/) },
    });
  });

  it('is audited', async () => {
    const cookie = await login(server.url, 'navigator@demo.test');
    const next = 'navigator new phrase';
    expect((await change(cookie, { current: 'careweave-demo', next, confirm: next })).status).toBe(
      204,
    );
    const navigator = await me(server.url, cookie);
    const trail = (await (
      await fetch(`${server.url}/api/audit?userId=${navigator.id}`, {
        headers: { cookie: adminCookie },
      })
    ).json()) as { entries: { action: string }[] };
    expect(trail.entries[0]?.action).toBe('password.change');
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '@careweave/shared';
import { get, listPeople, login, postLogin, sessionCookieOf } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

interface PlanMeta {
  planId: string;
  person: { name?: string };
  documents: { name: string; kind: string; access: 'read' | 'write' }[];
}

describe(`sign-in and the HTTP API (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('answers /healthz with 200 {"ok":true}', async () => {
    const res = await get(server.url, '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('sets an HttpOnly SameSite=Lax session cookie and /api/me names the user', async () => {
    const res = await postLogin(server.url, 'gp@demo.test');
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
    expect(setCookie).toBeDefined();
    const attributes = setCookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    // Plain http on localhost: a Secure cookie would never be sent back.
    expect(attributes).not.toContain('secure');

    const me = await get(server.url, '/api/me', sessionCookieOf(res));
    expect(me.status).toBe(200);
    const body = (await me.json()) as { name: unknown; neighbourhoods: unknown[] };
    expect(body).toMatchObject({ email: 'gp@demo.test', role: 'gp_lead' });
    expect(body.name).toEqual(expect.any(String));
    expect(body.neighbourhoods.length).toBeGreaterThanOrEqual(1);
    expect(body.neighbourhoods[0]).toEqual({ id: expect.any(String), name: expect.any(String) });
  });

  it('refuses a wrong password with 401 and no session', async () => {
    const res = await postLogin(server.url, 'nurse@demo.test', 'not-the-password');
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().some((c) => /^session=[^;]+/.test(c))).toBe(false);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it('answers an empty password or email as bad credentials, and a body without them 400', async () => {
    expect((await postLogin(server.url, 'nurse@demo.test', '')).status).toBe(401);
    expect((await postLogin(server.url, '', 'careweave-demo')).status).toBe(401);
    const noPassword = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nurse@demo.test' }),
    });
    expect(noPassword.status).toBe(400);
  });

  it('refuses a sign-in posted from another site’s page', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://attacker.example' },
      body: JSON.stringify({ email: 'nurse@demo.test', password: 'careweave-demo' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('slides the session cookie on API requests too, so API clients stay signed in', async () => {
    const cookie = await login(server.url, 'pharmacist@demo.test');
    const res = await get(server.url, '/api/me', cookie);
    expect(res.status).toBe(200);
    const slid = res.headers.getSetCookie().find((c) => c.startsWith('session='));
    expect(slid?.split(';')[0]).toBe(cookie);
    const expires = /expires=([^;]+)/i.exec(slid!)?.[1];
    expect(new Date(expires!).getTime()).toBeGreaterThan(Date.now());
    expect(slid!.toLowerCase()).toContain('httponly');
  });

  it('answers /api/me with 401 without a session', async () => {
    const res = await get(server.url, '/api/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it('ends the session on logout, so the old cookie gets 401', async () => {
    const cookie = await login(server.url, 'social@demo.test');
    expect((await get(server.url, '/api/me', cookie)).status).toBe(200);
    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(out.status).toBeLessThan(300);
    expect((await get(server.url, '/api/me', cookie)).status).toBe(401);
  });

  it('lists at least six people with valid 999-range NHS numbers', async () => {
    const people = await listPeople(server.url, await login(server.url, 'gp@demo.test'));
    expect(people.length).toBeGreaterThanOrEqual(6);
    for (const person of people) {
      expect(person).toMatchObject({
        id: expect.any(String),
        name: expect.any(String),
        neighbourhood: expect.any(String),
        planId: expect.any(String),
      });
      expect(person.pathway).toMatch(/^(prevention|recovery)$/i);
      expect(isValidNhsNumber(person.nhsNumber), person.nhsNumber).toBe(true);
      expect(person.nhsNumber.replace(/\D/g, '')).toMatch(/^999/);
    }
  });

  it('shows a voluntary partner only the people who consented to share', async () => {
    const everyone = await listPeople(server.url, await login(server.url, 'gp@demo.test'));
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const partnerSees = await listPeople(server.url, partnerCookie);
    expect(partnerSees.length).toBeGreaterThan(0);
    expect(partnerSees.length).toBeLessThan(everyone.length);
    const everyoneIds = new Set(everyone.map((p) => p.id));
    for (const person of partnerSees) expect(everyoneIds.has(person.id)).toBe(true);

    // The plan of someone who has not consented is invisible to the partner, not just unlisted.
    const seen = new Set(partnerSees.map((p) => p.id));
    const notConsented = everyone.find((p) => !seen.has(p.id))!;
    const res = await get(server.url, `/api/plans/${notConsented.planId}`, partnerCookie);
    expect(res.status).toBe(404);
  });

  it('offers the GP both plan documents to write and the partner only the shared one', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const [person] = await listPeople(server.url, partnerCookie);
    const planId = person!.planId;

    const gpRes = await get(server.url, `/api/plans/${planId}`, gpCookie);
    expect(gpRes.status).toBe(200);
    const gpPlan = (await gpRes.json()) as PlanMeta;
    expect(gpPlan.planId).toBe(planId);
    expect(gpPlan.person).toBeTypeOf('object');
    expect(gpPlan.documents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: `plan:${planId}:shared`, access: 'write' }),
        expect.objectContaining({ name: `plan:${planId}:clinical`, access: 'write' }),
      ]),
    );

    const partnerRes = await get(server.url, `/api/plans/${planId}`, partnerCookie);
    expect(partnerRes.status).toBe(200);
    const partnerPlan = (await partnerRes.json()) as PlanMeta;
    expect(partnerPlan.documents.map((d) => d.name)).toEqual([`plan:${planId}:shared`]);
  });

  it('answers 404 for a plan that does not exist', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const res = await get(server.url, `/api/plans/${randomUUID()}`, cookie);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });
});

describe(`login rate limit (${databaseBackend})`, () => {
  it('answers 429 once an account has used its attempts, even with the right password', async () => {
    const server = await startServer({ env: { LOGIN_ATTEMPTS: '3' } });
    for (let i = 0; i < 3; i++) {
      expect((await postLogin(server.url, 'pharmacist@demo.test', 'wrong-password')).status).toBe(
        401,
      );
    }
    expect((await postLogin(server.url, 'pharmacist@demo.test', 'wrong-password')).status).toBe(
      429,
    );
    const refused = await postLogin(server.url, 'pharmacist@demo.test');
    expect(refused.status).toBe(429);
    // Says how long to wait: the rest of the 15-minute window.
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // The limit is per account: a colleague on the same machine can still sign in.
    expect((await postLogin(server.url, 'physio@demo.test')).status).toBe(200);
  });
});

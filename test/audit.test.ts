import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedPlanDocument, todayIso } from '@careweave/shared';
import { me, send } from './support/api.js';
import { firstMessage, get, listPeople, login, openRaw } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { makeReferral, providers, serviceOf } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

interface AuditEntry {
  id: number;
  at: string;
  by: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  person: string | null;
  version: string | null;
  detail: Record<string, unknown>;
}
interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}

describe(`the audit trail, for administrators (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;
  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
  });

  const read = async (query = '') => {
    const res = await get(server.url, `/api/audit${query}`, adminCookie);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as AuditPage;
  };

  it('shows who opened and changed whose plan, newest first, and filters by member and plan', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const navCookie = await login(server.url, 'navigator@demo.test');
    const [gp, navigator] = await Promise.all([
      me(server.url, gpCookie),
      me(server.url, navCookie),
    ]);
    const [first, second] = await listPeople(server.url, gpCookie);
    expect((await get(server.url, `/api/plans/${first!.planId}`, gpCookie)).status).toBe(200);
    expect((await get(server.url, `/api/plans/${second!.planId}`, gpCookie)).status).toBe(200);
    const money = serviceOf(await providers(server.url, navCookie), 'Heatons Money Advice');
    const referralId = await makeReferral(server.url, navCookie, first!.planId, {
      serviceId: money.service.id,
      reason: 'Letters from the council piling up',
      urgency: 'routine',
    });
    const changed = await send(server.url, 'PATCH', `/api/people/${first!.id}`, navCookie, {
      gpPractice: 'Reddish Vale Surgery',
    });
    expect(changed.status).toBe(200);

    const { entries } = await read();
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(entries[0]).toMatchObject({
      action: 'person.update',
      by: { id: navigator.id, name: navigator.name },
      entityType: 'person',
      entityId: first!.id,
      person: first!.name,
    });
    // A referral names whose it was too.
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'referral.create',
        entityType: 'referral',
        entityId: referralId,
        person: first!.name,
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'plan.open',
        by: { id: gp.id, name: gp.name },
        entityId: first!.planId,
        person: first!.name,
      }),
    );

    const gpOnly = await read(`?userId=${gp.id}`);
    expect(gpOnly.entries.length).toBeGreaterThan(0);
    expect(gpOnly.entries.every((e) => e.by?.id === gp.id)).toBe(true);

    // A plan's trail: its own events, its referrals' and its person's, nobody else's.
    const plan = await read(`?planId=${first!.planId}`);
    expect(plan.entries.map((e) => e.action).sort()).toEqual([
      'person.update',
      'plan.open',
      'referral.create',
    ]);
    expect(plan.entries.every((e) => e.person === first!.name)).toBe(true);
  });

  it('audits a plan opened over the socket alone once, and a signed-off version read', async () => {
    const physioCookie = await login(server.url, 'physio@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const physio = await me(server.url, physioCookie);
    const person = (await listPeople(server.url, physioCookie)).at(-1)!;
    const document = sharedPlanDocument(person.planId);
    // A client of the socket alone, reconnecting twice.
    for (let i = 0; i < 3; i++) {
      const socket = openRaw(server.wsUrl, document, { cookie: physioCookie });
      await firstMessage(socket);
      socket.close();
    }
    const signed = await send(
      server.url,
      'POST',
      `/api/plans/${person.planId}/versions`,
      gpCookie,
      {
        label: 'Agreed at the MDT',
      },
    );
    const { id: versionId } = (await signed.json()) as { id: string };
    const version = `/api/plans/${person.planId}/versions/${versionId}`;
    expect((await get(server.url, version, physioCookie)).status).toBe(200);

    const { entries } = await read(`?userId=${physio.id}`);
    const opens = entries.filter((e) => e.entityId === person.planId);
    expect(opens.map((e) => [e.action, e.detail])).toEqual([
      ['version.open', { versionId, how: 'view' }],
      ['plan.open', { document, via: 'socket' }],
    ]);
  });

  it('audits a signed-off version’s page, and its comparison with now, once each, as the version', async () => {
    const socialCookie = await login(server.url, 'social@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const social = await me(server.url, socialCookie);
    const person = (await listPeople(server.url, socialCookie))[1]!;
    const signed = await send(
      server.url,
      'POST',
      `/api/plans/${person.planId}/versions`,
      gpCookie,
      { label: 'Agreed at the Reddish MDT' },
    );
    const { id: versionId } = (await signed.json()) as { id: string };
    const page = `/plans/${person.planId}/versions/${versionId}`;
    const opens = async () =>
      (await read(`?userId=${social.id}&planId=${person.planId}`)).entries.map((e) => [
        e.action,
        e.detail,
      ]);

    expect((await get(server.url, page, socialCookie)).status).toBe(200);
    expect(await opens()).toEqual([['version.open', { versionId, how: 'view' }]]);
    expect((await get(server.url, `${page}/compare`, socialCookie)).status).toBe(200);
    expect(await opens()).toEqual([
      ['version.open', { versionId, how: 'compare' }],
      ['version.open', { versionId, how: 'view' }],
    ]);
  });

  it('names the version that a sign-off, a version read and a restore were about', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const person = (await listPeople(server.url, navCookie))[2]!;
    const label = `Agreed at the Bredbury MDT ${Date.now()}`;
    const signed = await send(
      server.url,
      'POST',
      `/api/plans/${person.planId}/versions`,
      gpCookie,
      {
        label,
      },
    );
    const { id: versionId } = (await signed.json()) as { id: string };
    const version = `/api/plans/${person.planId}/versions/${versionId}`;
    expect((await get(server.url, version, gpCookie)).status).toBe(200);
    expect((await send(server.url, 'POST', `${version}/restore`, navCookie, {})).status).toBe(200);

    const { entries } = await read(`?planId=${person.planId}`);
    const about = entries
      .filter((e) => ['plan.sign-off', 'version.open', 'plan.restore'].includes(e.action))
      .map((e) => [e.action, e.version]);
    expect(about).toEqual([
      ['plan.restore', label],
      ['version.open', label],
      ['plan.sign-off', label],
    ]);
    expect(entries.find((e) => e.action === 'plan.open')?.version ?? null).toBeNull();
  });

  it('audits a restore confirmation as a restore preview, not as a compare', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const navigator = await me(server.url, navCookie);
    const person = (await listPeople(server.url, partnerCookie))[0]!;
    const signed = await send(
      server.url,
      'POST',
      `/api/plans/${person.planId}/versions`,
      gpCookie,
      { label: 'Agreed at the Marple MDT' },
    );
    const { id: versionId } = (await signed.json()) as { id: string };
    const version = `/api/plans/${person.planId}/versions/${versionId}`;

    const preview = await get(server.url, `${version}/restore-preview`, navCookie);
    expect(preview.status).toBe(200);
    const { documents } = (await preview.json()) as { documents: { name: string }[] };
    // The navigator may restore the shared plan only, so that is all the preview holds.
    expect(documents.map((d) => d.name)).toEqual([sharedPlanDocument(person.planId)]);
    const opened = async (userId: string) =>
      (await read(`?userId=${userId}&planId=${person.planId}`)).entries
        .filter((e) => e.action === 'version.open')
        .map((e) => e.detail);
    expect(await opened(navigator.id)).toEqual([{ versionId, how: 'restore-preview' }]);

    expect((await get(server.url, `${version}/compare`, navCookie)).status).toBe(200);
    expect(await opened(navigator.id)).toEqual([
      { versionId, how: 'compare' },
      { versionId, how: 'restore-preview' },
    ]);

    // Whoever may not restore is not shown a preview, and nothing is recorded for them.
    const partner = await me(server.url, partnerCookie);
    expect((await get(server.url, `${version}/restore-preview`, partnerCookie)).status).toBe(403);
    expect(await opened(partner.id)).toEqual([]);
  });

  it('reads a page at a time, older pages from where the last ended', async () => {
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const nurse = await me(server.url, nurseCookie);
    const [person] = await listPeople(server.url, nurseCookie);
    for (let i = 0; i < 105; i++) {
      expect((await get(server.url, `/api/plans/${person!.planId}`, nurseCookie)).status).toBe(200);
    }
    const page = await read(`?userId=${nurse.id}`);
    expect(page.entries).toHaveLength(100);
    expect(page.next).toBe(page.entries.at(-1)!.id);
    const older = await read(`?userId=${nurse.id}&before=${page.next}`);
    // 105 opens and the sign-in.
    expect(older.entries).toHaveLength(6);
    expect(older.next).toBeNull();
    expect(older.entries.every((e) => e.id < page.next!)).toBe(true);
  });

  it('audits a person’s details and wellbeing scores read outside their plan, not inside it', async () => {
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const nurse = await me(server.url, nurseCookie);
    const [, , person] = await listPeople(server.url, nurseCookie);
    const readOf = async () =>
      (await read(`?userId=${nurse.id}&planId=${person!.planId}`)).entries.map((e) => e.action);

    // The plan's page reads both, and is audited as the plan opened.
    expect((await get(server.url, `/plans/${person!.planId}`, nurseCookie)).status).toBe(200);
    expect(await readOf()).toEqual(['plan.open']);

    expect((await get(server.url, `/api/people/${person!.id}`, nurseCookie)).status).toBe(200);
    expect((await get(server.url, `/api/people/${person!.id}/measures`, nurseCookie)).status).toBe(
      200,
    );
    expect((await get(server.url, `/people/${person!.id}/edit`, nurseCookie)).status).toBe(200);
    expect(await readOf()).toEqual(['person.open', 'measures.read', 'person.open', 'plan.open']);
    const [latest] = (await read(`?userId=${nurse.id}`)).entries;
    expect(latest).toMatchObject({
      entityType: 'person',
      entityId: person!.id,
      person: person!.name,
    });

    // Refused, nothing was read.
    const other = randomUUID();
    expect((await get(server.url, `/api/people/${other}/measures`, nurseCookie)).status).toBe(404);
    expect((await get(server.url, `/api/people/${other}`, nurseCookie)).status).toBe(404);
    expect((await read(`?userId=${nurse.id}`)).entries[0]).toEqual(latest);
  });

  it('reads the days chosen, whole days on the service’s clock', async () => {
    const today = todayIso();
    const dayFrom = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    await login(server.url, 'pharmacist@demo.test');
    const all = (await read()).entries;
    expect(all.length).toBeGreaterThan(0);
    const days = async (query: string) => (await read(query)).entries.map((e) => e.id);

    expect(await days(`?from=${today}&to=${today}`)).toEqual(
      all.filter((e) => todayIso(new Date(e.at)) === today).map((e) => e.id),
    );
    expect(await days(`?from=${today}`)).toContain(all[0]!.id);
    expect(await days(`?to=${dayFrom(-1)}`)).not.toContain(all[0]!.id);
    expect(await days(`?from=${dayFrom(1)}`)).toEqual([]);
    expect(await days(`?from=${dayFrom(-1)}&to=${dayFrom(1)}`)).toContain(all[0]!.id);
  });

  it('says which day is wrong: not a date, or a last day before the first', async () => {
    const today = todayIso();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const wrongWay = await get(server.url, `/api/audit?from=${today}&to=${yesterday}`, adminCookie);
    expect(wrongWay.status).toBe(400);
    expect(await wrongWay.json()).toMatchObject({
      fields: { to: 'The last day must be the same as or after the first' },
    });
    const notADate = await get(server.url, '/api/audit?from=2026-02-30&to=soon', adminCookie);
    expect(notADate.status).toBe(400);
    expect(await notADate.json()).toMatchObject({
      fields: { from: 'Enter a real date', to: 'Enter a real date' },
    });
  });

  it('is the administrators’ alone, read-only, and says what was wrong with a query', async () => {
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    expect((await get(server.url, '/api/audit', nurseCookie)).status).toBe(403);
    expect((await get(server.url, '/api/audit')).status).toBe(401);
    const bad = await get(server.url, '/api/audit?userId=someone&before=-1', adminCookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      fields: { userId: expect.any(String), before: expect.any(String) },
    });
    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      expect((await send(server.url, method, '/api/audit', adminCookie, {})).status).toBe(404);
    }

    // The page: the administrator's, with the trail; others are refused.
    const page = await get(server.url, '/audit', adminCookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Audit trail');
    const refused = await get(server.url, '/audit', nurseCookie);
    expect(refused.status).toBe(403);
    // A refusal, said as one: not a fault to try again later.
    const said = await refused.text();
    expect(said).toContain('You do not have access to this page');
    expect(said).toContain('Only a team administrator can read the audit trail.');
    expect(said).not.toContain('problem with the service');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { clinicalPlanDocument, CloseCode, sharedPlanDocument } from '@careweave/shared';
import { getJson, me, send, type PersonDetail, type PlanView } from './support/api.js';
import {
  closeCodeOf,
  connect,
  firstMessage,
  get,
  listPeople,
  login,
  openRaw,
  synced,
} from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

/** Whether the partner can see the person anywhere: list, person, plan. */
async function partnerSees(server: TestServer, cookie: string, person: PersonDetail) {
  const listed = (await listPeople(server.url, cookie)).some((p) => p.id === person.id);
  const detail = (await get(server.url, `/api/people/${person.id}`, cookie)).status;
  const plan = (await get(server.url, `/api/plans/${person.planId}`, cookie)).status;
  return { listed, detail, plan };
}

describe(`recording consent to share (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('records who changed consent and when, and the partner’s view follows it', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const [navigator, gp] = await Promise.all([
      me(server.url, navCookie),
      me(server.url, gpCookie),
    ]);

    // Someone the partner cannot see yet.
    const seen = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    const summary = (await listPeople(server.url, gpCookie)).find((p) => !seen.has(p.id))!;
    const person = await getJson<PersonDetail>(server.url, `/api/people/${summary.id}`, gpCookie);
    expect(person.consentToShare).toBe(false);
    expect(await partnerSees(server, partnerCookie, person)).toEqual({
      listed: false,
      detail: 404,
      plan: 404,
    });

    // The navigator records consent.
    const before = Date.now();
    const given = await send(server.url, 'PATCH', `/api/people/${person.id}`, navCookie, {
      consentToShare: true,
    });
    expect(given.status).toBe(200);
    const afterGiving = (await given.json()) as PersonDetail;
    expect(afterGiving).toMatchObject({
      id: person.id,
      consentToShare: true,
      consentRecordedBy: { id: navigator.id, name: navigator.name },
      // Nothing else changed.
      nhsNumber: person.nhsNumber,
      dateOfBirth: person.dateOfBirth,
      pathway: person.pathway,
    });
    const givenAt = new Date(afterGiving.consentRecordedAt!).getTime();
    expect(givenAt).toBeGreaterThanOrEqual(before - 2_000);
    expect(givenAt).toBeLessThanOrEqual(Date.now() + 2_000);
    expect(await getJson<PersonDetail>(server.url, `/api/people/${person.id}`, gpCookie)).toEqual(
      afterGiving,
    );

    expect(await partnerSees(server, partnerCookie, person)).toEqual({
      listed: true,
      detail: 200,
      plan: 200,
    });
    const plan = await getJson<PlanView>(server.url, `/api/plans/${person.planId}`, partnerCookie);
    expect(plan.documents).toEqual([
      expect.objectContaining({ name: sharedPlanDocument(person.planId), access: 'write' }),
    ]);
    const shared = connect(server.wsUrl, sharedPlanDocument(person.planId), partnerCookie);
    await synced(shared);
    const clinical = openRaw(server.wsUrl, clinicalPlanDocument(person.planId), {
      cookie: partnerCookie,
    });
    expect((await closeCodeOf(clinical)).code).toBe(CloseCode.Forbidden);
    // The partner's plan stays open while the GP withdraws consent, and the nurse's with it.
    const partnerOpen = openRaw(server.wsUrl, sharedPlanDocument(person.planId), {
      cookie: partnerCookie,
    });
    await firstMessage(partnerOpen);
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const nurseOpen = openRaw(server.wsUrl, sharedPlanDocument(person.planId), {
      cookie: nurseCookie,
    });
    await firstMessage(nurseOpen);
    // Well inside the 30 s heartbeat: withdrawing consent takes effect at once.
    const partnerClosed = closeCodeOf(partnerOpen, 5_000);

    // The GP withdraws it: recorded as the GP, later.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const withdrawn = await send(server.url, 'PATCH', `/api/people/${person.id}`, gpCookie, {
      consentToShare: false,
    });
    expect(withdrawn.status).toBe(200);
    const afterWithdrawing = (await withdrawn.json()) as PersonDetail;
    expect(afterWithdrawing.consentToShare).toBe(false);
    expect(afterWithdrawing.consentRecordedBy).toEqual({ id: gp.id, name: gp.name });
    expect(new Date(afterWithdrawing.consentRecordedAt!).getTime()).toBeGreaterThan(givenAt);
    expect(await partnerClosed).toEqual({
      code: CloseCode.Forbidden,
      reason: 'Your access to this document has changed',
    });
    expect(nurseOpen.readyState).toBe(nurseOpen.OPEN);

    expect(await partnerSees(server, partnerCookie, person)).toEqual({
      listed: false,
      detail: 404,
      plan: 404,
    });
    const refused = openRaw(server.wsUrl, sharedPlanDocument(person.planId), {
      cookie: partnerCookie,
    });
    expect((await closeCodeOf(refused)).code).toBe(CloseCode.Forbidden);
  });

  it('does not let the partner record consent for someone they cannot see', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const seen = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    const hidden = (await listPeople(server.url, gpCookie)).find((p) => !seen.has(p.id))!;
    const res = await send(server.url, 'PATCH', `/api/people/${hidden.id}`, partnerCookie, {
      consentToShare: true,
    });
    expect([403, 404]).toContain(res.status);
    const person = await getJson<PersonDetail>(server.url, `/api/people/${hidden.id}`, gpCookie);
    expect(person.consentToShare).toBe(false);
    expect((await get(server.url, `/api/plans/${hidden.planId}`, partnerCookie)).status).toBe(404);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { personProblems, sharedPlanDocument } from '@careweave/shared';
import {
  freshNhsNumber,
  getJson,
  me,
  send,
  type PersonDetail,
  type PlanView,
} from './support/api.js';
import { connect, listPeople, login, synced } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

const TODAY = new Date().toISOString().slice(0, 10);
const NEXT_YEAR = `${Number(TODAY.slice(0, 4)) + 1}${TODAY.slice(4)}`;

function validInput() {
  return {
    nhsNumber: freshNhsNumber(),
    givenName: 'Rosa',
    familyName: `Testwell-${Math.floor(Math.random() * 1e6)}`,
    dateOfBirth: '1950-06-01',
    pathway: 'Prevention',
    gpPractice: 'Heatons Group Practice',
  };
}

interface ErrorAnswer {
  error: string;
  fields?: Record<string, string>;
}

describe(`adding a person with POST /api/people (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  const post = (body: unknown, cookie = navCookie) =>
    send(server.url, 'POST', '/api/people', cookie, body);

  it('answers 201 with the person’s id and plan, and the plan opens', async () => {
    const input = validInput();
    const res = await post(input);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; planId: string };
    expect(created).toEqual({ id: expect.any(String), planId: expect.any(String) });

    const listed = (await listPeople(server.url, navCookie)).find((p) => p.id === created.id);
    expect(listed).toMatchObject({
      nhsNumber: input.nhsNumber,
      name: `Rosa ${input.familyName}`,
      pathway: 'Prevention',
      planId: created.planId,
    });
    const gpCookie = await login(server.url, 'gp@demo.test');
    expect((await listPeople(server.url, gpCookie)).map((p) => p.id)).toContain(created.id);

    const navigator = await me(server.url, navCookie);
    const detail = await getJson<PersonDetail>(server.url, `/api/people/${created.id}`, navCookie);
    expect(detail).toMatchObject({
      id: created.id,
      nhsNumber: input.nhsNumber,
      givenName: 'Rosa',
      familyName: input.familyName,
      dateOfBirth: '1950-06-01',
      pathway: 'Prevention',
      gpPractice: 'Heatons Group Practice',
      consentToShare: false,
      consentRecordedBy: null,
      consentRecordedAt: null,
      planId: created.planId,
    });
    const myNeighbourhoods = (
      await getJson<{ neighbourhoods: { id: string }[] }>(server.url, '/api/me', navCookie)
    ).neighbourhoods;
    expect(detail.neighbourhoodId).toBe(myNeighbourhoods[0]!.id);

    const plan = await getJson<PlanView>(server.url, `/api/plans/${created.planId}`, gpCookie);
    expect(plan.documents.map((d) => [d.kind, d.access])).toEqual([
      ['shared', 'write'],
      ['clinical', 'write'],
    ]);
    expect(plan.actions).toEqual({ open: 0, overdue: 0 });
    const client = connect(server.wsUrl, sharedPlanDocument(created.planId), navCookie);
    await synced(client);
    expect(client.wsconnected).toBe(true);
    expect(navigator.role).toBe('care_navigator');
  });

  it('records who gave consent when a person is added with it', async () => {
    const navigator = await me(server.url, navCookie);
    const before = Date.now();
    const res = await post({ ...validInput(), pathway: 'Recovery', consentToShare: true });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const detail = await getJson<PersonDetail>(server.url, `/api/people/${id}`, navCookie);
    expect(detail.consentToShare).toBe(true);
    expect(detail.consentRecordedBy).toEqual({ id: navigator.id, name: navigator.name });
    const at = new Date(detail.consentRecordedAt!).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 2_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 2_000);
    const partner = await login(server.url, 'partner@demo.test');
    expect((await listPeople(server.url, partner)).map((p) => p.id)).toContain(id);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a bad NHS number', { nhsNumber: '9990000019' }, 'nhsNumber'],
    ['an NHS number with letters', { nhsNumber: '999-ABC-0018' }, 'nhsNumber'],
    ['a future birth date', { dateOfBirth: NEXT_YEAR }, 'dateOfBirth'],
    ['a birth date that is not a date', { dateOfBirth: '31/02/1950' }, 'dateOfBirth'],
    ['an empty given name', { givenName: '   ' }, 'givenName'],
    ['a missing family name', { familyName: undefined }, 'familyName'],
    ['a family name on two lines', { familyName: 'Ellison\nMargaret' }, 'familyName'],
    ['an unknown pathway', { pathway: 'Sideways' }, 'pathway'],
  ];
  for (const [what, change, field] of invalid) {
    it(`answers 400 naming ${field} for ${what}`, async () => {
      const body = { ...validInput(), ...change };
      const res = await post(body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as ErrorAnswer;
      expect(answer.error).toEqual(expect.any(String));
      expect(Object.keys(answer.fields ?? {})).toEqual([field]);
      expect(answer.fields![field]).toMatch(/\w{3,}/);
    });
  }

  it('answers 400 with one message per invalid field, the ones the form shows', async () => {
    const body = {
      nhsNumber: '1234567890',
      givenName: '',
      familyName: '',
      dateOfBirth: NEXT_YEAR,
      pathway: 'Sideways',
    };
    const res = await post(body);
    expect(res.status).toBe(400);
    const { fields } = (await res.json()) as ErrorAnswer;
    expect(Object.keys(fields ?? {}).sort()).toEqual(
      ['dateOfBirth', 'familyName', 'givenName', 'nhsNumber', 'pathway'].sort(),
    );
    expect(fields).toEqual(personProblems(body, TODAY));
    // Nobody was added.
    const names = (await listPeople(server.url, navCookie)).map((p) => p.nhsNumber);
    expect(names).not.toContain('1234567890');
  });

  it('answers 409 for an NHS number already known, however it is spaced, naming whom to find', async () => {
    const first = { ...validInput(), dateOfBirth: '1944-07-09' };
    expect((await post(first)).status).toBe(201);
    const known = first.nhsNumber;
    const count = (await listPeople(server.url, navCookie)).length;
    for (const nhsNumber of [
      known,
      `${known.slice(0, 3)} ${known.slice(3, 6)} ${known.slice(6)}`,
    ]) {
      const res = await post({ ...validInput(), nhsNumber });
      expect(res.status, nhsNumber).toBe(409);
      // The caller's own team: the person is named, to be found under People.
      expect(await res.json()).toEqual({
        error: `Rosa ${first.familyName}, born 9 July 1944, already has this NHS number: find them under People.`,
      });
    }
    expect((await listPeople(server.url, navCookie)).length).toBe(count);
  });

  it('takes an NHS number written with dots or en or em dashes, kept as its 10 digits', async () => {
    const input = validInput();
    const n = input.nhsNumber;
    const dotted = `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`;
    const res = await post({ ...input, nhsNumber: dotted });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const detail = await getJson<PersonDetail>(server.url, `/api/people/${id}`, navCookie);
    expect(detail.nhsNumber).toBe(n);

    const dashed = `${n.slice(0, 3)}–${n.slice(3, 6)}—${n.slice(6)}`;
    expect((await post({ ...validInput(), nhsNumber: dashed })).status).toBe(409);
    // The edit form sends the number back as shown; written another way it is the same number.
    const edited = await send(server.url, 'PATCH', `/api/people/${id}`, navCookie, {
      nhsNumber: dashed,
      gpPractice: 'Reddish Medical Centre',
    });
    expect(edited.status, await edited.clone().text()).toBe(200);
  });

  it('answers 403 to a voluntary partner and an administrator, and 401 to nobody', async () => {
    for (const email of ['partner@demo.test', 'admin@demo.test']) {
      const input = validInput();
      const res = await post(input, await login(server.url, email));
      expect(res.status, email).toBe(403);
      expect(await res.json()).toMatchObject({ error: expect.any(String) });
      const gp = await login(server.url, 'gp@demo.test');
      expect((await listPeople(server.url, gp)).map((p) => p.nhsNumber)).not.toContain(
        input.nhsNumber,
      );
    }
    const anonymous = await fetch(`${server.url}/api/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validInput()),
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a neighbourhood that is not the caller’s', async () => {
    const input = { ...validInput(), neighbourhoodId: '00000000-0000-4000-8000-000000000000' };
    const res = await post(input);
    expect([400, 403]).toContain(res.status);
    const gp = await login(server.url, 'gp@demo.test');
    expect((await listPeople(server.url, gp)).map((p) => p.nhsNumber)).not.toContain(
      input.nhsNumber,
    );
  });

  it('refuses a request from another site’s page with 403 and adds nobody', async () => {
    const input = validInput();
    // A page on another port of the same host is the same site, so SameSite=Lax sends the cookie.
    const fromElsewhere = (origin: string) =>
      fetch(`${server.url}/api/people`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', cookie: navCookie, origin },
        body: JSON.stringify(input),
      });
    for (const origin of ['http://127.0.0.1:1', 'https://attacker.example', 'null']) {
      const res = await fromElsewhere(origin);
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as ErrorAnswer).error).toMatch(/another site/);
    }
    const people = await listPeople(server.url, navCookie);
    expect(people.some((p) => p.nhsNumber === input.nhsNumber)).toBe(false);

    // The page's own origin, and clients that send none, are served.
    const own = await fetch(`${server.url}/api/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: navCookie, origin: server.url },
      body: JSON.stringify(input),
    });
    expect(own.status).toBe(201);
    // Reading from another site is left to the browser's CORS, which the API does not open.
    const read = await fetch(`${server.url}/api/people`, {
      headers: { cookie: navCookie, origin: 'https://attacker.example' },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});

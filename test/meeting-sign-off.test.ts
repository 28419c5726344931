import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addCase,
  chairStep,
  createMeeting,
  daysFromNow,
  meetingOf,
  signOffPlan,
  type VersionSummary,
} from './support/meetings.js';
import { addPerson } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

describe(`signing off a case at a meeting (${databaseBackend})`, () => {
  // One server for the file, and people of each test's own: a PGlite start is slow under load.
  let server: TestServer;
  let cookie: string;
  const newPerson = () => addPerson(server.url, cookie, 'Recovery');
  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'gp@demo.test');
  });

  it('makes one version per case, however often or at once it is asked', async () => {
    const [first, second] = [await newPerson(), await newPerson()];
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    const firstCase = await addCase(server.url, cookie, meetingId, { personId: first.id });
    const secondCase = await addCase(server.url, cookie, meetingId, { personId: second.id });
    await chairStep(server.url, cookie, meetingId, 'start');
    const signOff = (caseId: string) =>
      send(server.url, 'POST', `/api/meetings/${meetingId}/cases/${caseId}/sign-off`, cookie, {});
    const versionsOf = (planId: string) =>
      getJson<VersionSummary[]>(server.url, `/api/plans/${planId}/versions`, cookie);

    expect((await signOff(firstCase)).status).toBe(201);
    const again = await signOff(firstCase);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: expect.stringMatching(/already signed off/) });
    expect(await versionsOf(first.planId)).toHaveLength(1);

    // A double click: both presses arrive together.
    const both = await Promise.all([signOff(secondCase), signOff(secondCase)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const versions = await versionsOf(second.planId);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.meetingId).toBe(meetingId);
  });

  it('shows a case signed off through the versions API as signed off at its meeting', async () => {
    const [person, notListed] = [await newPerson(), await newPerson()];
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    const caseId = await addCase(server.url, cookie, meetingId, { personId: person.id });
    await chairStep(server.url, cookie, meetingId, 'start');

    const versionId = await signOffPlan(server.url, cookie, person.planId, 'Agreed', meetingId);
    // Someone not on the agenda has no case to mark.
    await signOffPlan(server.url, cookie, notListed.planId, 'Agreed too', meetingId);
    const cases = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(cases.map((c) => [c.id, c.versionId])).toEqual([[caseId, versionId]]);

    const press = await send(
      server.url,
      'POST',
      `/api/meetings/${meetingId}/cases/${caseId}/sign-off`,
      cookie,
      {},
    );
    expect(press.status).toBe(409);
    expect((await meetingOf(server.url, cookie, meetingId)).cases[0]!.versionId).toBe(versionId);
  });

  it('refuses a decision or a sign-off before the meeting has started: it has agreed nothing yet', async () => {
    const person = await newPerson();
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(7));
    const caseId = await addCase(server.url, cookie, meetingId, { personId: person.id });
    const casePath = `/api/meetings/${meetingId}/cases/${caseId}`;

    const early = [
      await send(server.url, 'POST', `${casePath}/outcome`, cookie, { decision: 'discharge' }),
      await send(server.url, 'POST', `${casePath}/sign-off`, cookie, {}),
    ];
    for (const res of early) {
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/not running/) });
    }
    const [listed] = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(listed).toMatchObject({ decision: null, versionId: null, status: 'pending' });
    const versions = `/api/plans/${person.planId}/versions`;
    expect(await getJson<VersionSummary[]>(server.url, versions, cookie)).toEqual([]);

    // A version naming the meeting is kept, but the case it has not discussed stays unsigned.
    await signOffPlan(server.url, cookie, person.planId, 'Agreed early', meetingId);
    expect((await meetingOf(server.url, cookie, meetingId)).cases[0]).toMatchObject({
      versionId: null,
      status: 'pending',
    });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { send } from './support/api.js';
import { listPeople, login, type PersonSummary } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow, meetingOf } from './support/meetings.js';
import { startServer, type TestServer } from './support/server.js';

describe(`moving a meeting on to the next case (${databaseBackend})`, () => {
  let server: TestServer;
  let people: PersonSummary[];

  beforeAll(async () => {
    server = await startServer();
    people = await listPeople(server.url, await login(server.url, 'gp@demo.test'));
    expect(people.length).toBeGreaterThanOrEqual(3);
  });

  /** A live meeting of three cases, on the first. */
  async function liveMeeting(cookie: string) {
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    const ids: string[] = [];
    for (const person of people.slice(0, 3)) {
      ids.push(await addCase(server.url, cookie, meetingId, { personId: person.id }));
    }
    await chairStep(server.url, cookie, meetingId, 'start');
    return { meetingId, ids };
  }

  it('moves on once when two chair windows press Next together, skipping no case', async () => {
    const [one, two] = await Promise.all([
      login(server.url, 'gp@demo.test'),
      login(server.url, 'gp@demo.test'),
    ]);
    const { meetingId, ids } = await liveMeeting(one);
    const path = `/api/meetings/${meetingId}/advance`;

    const answers = await Promise.all(
      [one, two].map((cookie) => send(server.url, 'POST', path, cookie, { from: ids[0] })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(((await refused.json()) as { error: string }).error).toBe(
      `The meeting has already moved on, to ${people[1]!.name}’s case. Look at where it is before moving on again.`,
    );
    const meeting = await meetingOf(server.url, one, meetingId);
    expect(meeting.currentCaseId).toBe(ids[1]);
    expect(meeting.cases.map((c) => c.status)).toEqual(['pending', 'discussing', 'pending']);
  });

  it('answers 400 for a body of the wrong shape, and stays where it is', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const { meetingId, ids } = await liveMeeting(cookie);
    const path = `/api/meetings/${meetingId}/advance`;
    const cases: [unknown, string][] = [
      [{ caseId: 5, from: ids[0] }, 'caseId'],
      [{ caseId: ids[2] }, 'from'],
      [{}, 'from'],
      [{ from: 5 }, 'from'],
      [{ from: 'the first one' }, 'from'],
    ];
    for (const [body, field] of cases) {
      const res = await send(server.url, 'POST', path, cookie, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ fields: { [field]: expect.any(String) } });
    }
    expect((await meetingOf(server.url, cookie, meetingId)).currentCaseId).toBe(ids[0]);
    const moved = await send(server.url, 'POST', path, cookie, { caseId: ids[2], from: ids[0] });
    expect(moved.status).toBe(200);
    expect((await meetingOf(server.url, cookie, meetingId)).currentCaseId).toBe(ids[2]);
  });
});

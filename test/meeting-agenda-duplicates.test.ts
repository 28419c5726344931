import { beforeAll, describe, expect, it } from 'vitest';
import { send } from './support/api.js';
import { listPeople, login, type PersonSummary } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addCase,
  call,
  chairStep,
  createMeeting,
  daysFromNow,
  meetingOf,
} from './support/meetings.js';
import { startServer, type TestServer } from './support/server.js';

describe(`one case per person on an agenda (${databaseBackend})`, () => {
  let server: TestServer;
  let cookie: string;
  let people: PersonSummary[];

  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'gp@demo.test');
    people = await listPeople(server.url, cookie);
    expect(people.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a person already on the agenda, with a message for the person field', async () => {
    const [first, second] = people;
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(20));
    const path = `/api/meetings/${meetingId}/cases`;
    const body = (person: PersonSummary) => ({
      personId: person.id,
      reason: 'review',
      minutesAllotted: 10,
    });
    await addCase(server.url, cookie, meetingId, { personId: first!.id });

    const again = await send(server.url, 'POST', path, cookie, body(first!));
    expect(again.status).toBe(409);
    const listed = `${first!.name} is already on this meeting’s agenda`;
    expect(await again.json()).toEqual({ error: `${listed}.`, fields: { personId: listed } });

    // A double click: both arrive together, and one case is added.
    const both = await Promise.all(
      [1, 2].map(() => send(server.url, 'POST', path, cookie, body(second!))),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const agenda = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(agenda.map((c) => c.personId)).toEqual([first!.id, second!.id]);
    expect(agenda.map((c) => c.position)).toEqual([1, 2]);
  });

  it('carries no one onto a next agenda they are already on, and still marks them deferred', async () => {
    const [first, second] = people;
    const next = await createMeeting(server.url, cookie, daysFromNow(1));
    const waiting = await addCase(server.url, cookie, next, {
      personId: second!.id,
      prepNotes: 'Added to next week already',
    });
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    const ids = [];
    for (const person of [first!, second!]) {
      ids.push(await addCase(server.url, cookie, meetingId, { personId: person.id }));
    }
    await chairStep(server.url, cookie, meetingId, 'start');
    const closed = await call<{ nextMeetingId: string; carried: number }>(
      server.url,
      'POST',
      `/api/meetings/${meetingId}/close`,
      cookie,
    );
    expect(closed).toMatchObject({ nextMeetingId: next, carried: 1, alreadyListed: 1 });

    const closedCases = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(closedCases.map((c) => c.status)).toEqual(['deferred', 'deferred']);
    const agenda = (await meetingOf(server.url, cookie, next)).cases;
    expect(agenda.map((c) => c.personId).sort()).toEqual([first!.id, second!.id].sort());
    const kept = agenda.find((c) => c.personId === second!.id)!;
    expect(kept).toMatchObject({ id: waiting, prepNotes: 'Added to next week already' });
    const carried = agenda.find((c) => c.personId === first!.id)!;
    expect(carried.carriedFromCaseId).toBe(ids[0]);
  });
});

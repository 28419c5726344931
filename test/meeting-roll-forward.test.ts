import { beforeAll, describe, expect, it } from 'vitest';
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

describe(`closing a meeting with cases left (${databaseBackend})`, () => {
  let server: TestServer;
  let chairCookie: string;
  let people: PersonSummary[];

  beforeAll(async () => {
    server = await startServer();
    chairCookie = await login(server.url, 'gp@demo.test');
    people = await listPeople(server.url, chairCookie);
    expect(people.length).toBeGreaterThanOrEqual(6);
  });

  /** A meeting of three cases (the first three people unless told) where only the first is decided. */
  async function closeWithTwoLeft(startsAt: Date, three = people.slice(0, 3)) {
    const meetingId = await createMeeting(server.url, chairCookie, startsAt);
    const [decided, discussing, untouched] = three;
    const ids = [];
    for (const person of [decided!, discussing!, untouched!]) {
      ids.push(await addCase(server.url, chairCookie, meetingId, { personId: person.id }));
    }
    await chairStep(server.url, chairCookie, meetingId, 'start');
    const casePath = `/api/meetings/${meetingId}/cases/${ids[0]}`;
    await call(server.url, 'POST', `${casePath}/outcome`, chairCookie, { decision: 'discharge' });
    await chairStep(server.url, chairCookie, meetingId, 'advance', { from: ids[0] });
    const closed = await chairStep<{ nextMeetingId: string; carried: number }>(
      server.url,
      chairCookie,
      meetingId,
      'close',
    );
    return { meetingId, closed, decided: decided!, left: [discussing!, untouched!] };
  }

  it('carries the undiscussed cases onto the next scheduled meeting’s agenda', async () => {
    const next = await createMeeting(server.url, chairCookie, daysFromNow(1));
    const before = await meetingOf(server.url, chairCookie, next);
    expect(before.cases).toEqual([]);

    const { meetingId, closed, decided, left } = await closeWithTwoLeft(daysFromNow(0.01));
    expect(closed).toMatchObject({ nextMeetingId: next, carried: 2 });
    expect((await meetingOf(server.url, chairCookie, meetingId)).status).toBe('closed');

    const agenda = await meetingOf(server.url, chairCookie, next);
    expect(agenda.cases.map((c) => c.personId).sort()).toEqual(left.map((p) => p.id).sort());
    expect(agenda.cases.every((c) => c.status === 'pending')).toBe(true);
    expect(agenda.cases.some((c) => c.personId === decided.id)).toBe(false);
  });

  it('carries the cases of a meeting closed late past a meeting that has gone by since', async () => {
    // Planned a moment ago, and the next one just after: both gone by before it even starts.
    // Scheduling takes any time today, so nothing waits for the clock.
    const planned = Date.now() - 2;
    const goneBy = await createMeeting(server.url, chairCookie, new Date(planned + 1));
    // Not the people the first test carried: they are on the next agenda already.
    const { meetingId, closed } = await closeWithTwoLeft(new Date(planned), people.slice(3, 6));

    expect(closed.carried).toBe(2);
    expect(closed.nextMeetingId).not.toBe(goneBy);
    expect((await meetingOf(server.url, chairCookie, goneBy)).cases).toEqual([]);
    const next = await meetingOf(server.url, chairCookie, closed.nextMeetingId);
    expect(new Date(next.startsAt).getTime()).toBeGreaterThan(Date.now());
    const deferred = (await meetingOf(server.url, chairCookie, meetingId)).cases
      .filter((c) => c.status === 'deferred')
      .map((c) => c.id);
    expect(deferred).toHaveLength(2);
    const carriedFrom = next.cases.map((c) => c.carriedFromCaseId);
    expect(carriedFrom).toEqual(expect.arrayContaining(deferred));
  });

  it('schedules a meeting a week later, with the same chair, when none is scheduled', async () => {
    // Far beyond every other meeting, so there is no next one yet.
    const startsAt = daysFromNow(400);
    const { meetingId, closed, left } = await closeWithTwoLeft(startsAt);
    expect(closed.carried).toBe(2);
    expect(closed.nextMeetingId).not.toBe(meetingId);
    const closedMeeting = await meetingOf(server.url, chairCookie, meetingId);
    const next = await meetingOf(server.url, chairCookie, closed.nextMeetingId);
    expect(next.status).toBe('scheduled');
    expect(next.chair.id).toBe(closedMeeting.chair.id);
    // A week later on the calendar, at the same time on a London clock whatever the season.
    const gap = new Date(next.startsAt).getTime() - startsAt.getTime();
    expect(Math.abs(gap - 7 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
    const londonClock = (at: Date) =>
      at.toLocaleTimeString('en-GB', {
        timeZone: 'Europe/London',
        hour: '2-digit',
        minute: '2-digit',
      });
    expect(londonClock(new Date(next.startsAt))).toBe(londonClock(startsAt));
    expect(next.cases.map((c) => c.personId).sort()).toEqual(left.map((p) => p.id).sort());
  });
});

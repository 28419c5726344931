import { describe, expect, it } from 'vitest';
import { getJson } from './support/api.js';
import { get, listPeople, login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addCase,
  call,
  chairStep,
  createMeeting,
  daysFromNow,
  meetingOf,
} from './support/meetings.js';
import { startServer } from './support/server.js';

describe(`the minutes of cases deferred to the next meeting (${databaseBackend})`, () => {
  it('say they were carried to the next meeting and when, in JSON, on the page and in the download', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'gp@demo.test');
    const [decided, carried, listed] = await listPeople(server.url, cookie);
    const nextStart = daysFromNow(2);
    const next = await createMeeting(server.url, cookie, nextStart);
    await addCase(server.url, cookie, next, { personId: listed!.id });
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    const ids: string[] = [];
    for (const person of [decided!, carried!, listed!]) {
      ids.push(await addCase(server.url, cookie, meetingId, { personId: person.id }));
    }
    await chairStep(server.url, cookie, meetingId, 'start');
    const outcome = `/api/meetings/${meetingId}/cases/${ids[0]}/outcome`;
    await call(server.url, 'POST', outcome, cookie, { decision: 'step-down' });
    const closed = await chairStep(server.url, cookie, meetingId, 'close');
    expect(closed).toEqual({
      nextMeetingId: next,
      nextMeetingStartsAt: nextStart.toISOString(),
      carried: 1,
      alreadyListed: 1,
    });
    const statuses = (await meetingOf(server.url, cookie, meetingId)).cases.map((c) => c.status);
    expect(statuses).toEqual(['done', 'deferred', 'deferred']);

    const date = nextStart.toLocaleDateString('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    const deferred = `Deferred: carried to the meeting on ${date}`;
    const minutes = await getJson<{ cases: { person: string; outcome: string }[] }>(
      server.url,
      `/api/meetings/${meetingId}/minutes`,
      cookie,
    );
    expect(minutes.cases.map((c) => [c.person, c.outcome])).toEqual([
      [decided!.name, 'Step down to primary care'],
      [carried!.name, deferred],
      [listed!.name, deferred],
    ]);
    for (const path of [
      `/api/meetings/${meetingId}/minutes.html`,
      `/meetings/${meetingId}/minutes`,
    ]) {
      const page = await (await get(server.url, path, cookie)).text();
      expect(page, path).toContain(deferred);
      expect(page, path).not.toContain('No decision recorded');
    }
  });
});

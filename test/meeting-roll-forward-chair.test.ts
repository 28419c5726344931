import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, send } from './support/api.js';
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

interface Membership {
  id: string;
  email: string;
  neighbourhoodId: string;
}

describe(`who chairs the meeting made for the cases left (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;
  let gpCookie: string;
  let nurseCookie: string;
  let gp: Membership;
  let nurse: Membership;
  let people: PersonSummary[];

  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
    gpCookie = await login(server.url, 'gp@demo.test');
    nurseCookie = await login(server.url, 'nurse@demo.test');
    const members = await getJson<Membership[]>(server.url, '/api/team/members', adminCookie);
    gp = members.find((m) => m.email === 'gp@demo.test')!;
    nurse = members.find((m) => m.email === 'nurse@demo.test')!;
    people = await listPeople(server.url, gpCookie);
    // The nurse may chair too, so the GP lead can leave the team.
    await call(server.url, 'PATCH', `/api/team/members/${nurse.id}`, adminCookie, {
      canChair: true,
    });
  });

  /** A meeting the GP lead schedules past every other, with a case on its agenda. */
  async function scheduledWithCase(daysAhead: number, person: PersonSummary) {
    const meetingId = await createMeeting(server.url, gpCookie, daysFromNow(daysAhead));
    await addCase(server.url, gpCookie, meetingId, { personId: person.id });
    return meetingId;
  }

  /** Closes the meeting as the nurse, its case left: answers the meeting made to take it. */
  async function closedByNurse(meetingId: string) {
    const closed = await chairStep<{ nextMeetingId: string; carried: number }>(
      server.url,
      nurseCookie,
      meetingId,
      'close',
    );
    expect(closed.carried).toBe(1);
    return meetingOf(server.url, nurseCookie, closed.nextMeetingId);
  }

  it('keeps the chair who may still chair, and gives one who has left to whoever closed it', async () => {
    const first = await scheduledWithCase(100, people[0]!);
    expect((await closedByNurse(first)).chair.id).toBe(gp.id);

    const second = await scheduledWithCase(200, people[1]!);
    const removal = `/api/team/members/${gp.id}/neighbourhoods/${gp.neighbourhoodId}`;
    expect((await send(server.url, 'DELETE', removal, adminCookie, undefined)).status).toBe(204);
    const next = await closedByNurse(second);
    expect(next.chair.id).toBe(nurse.id);
    expect(next.canChair).toBe(true);
  });
});

import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { send } from './support/api.js';
import { listPeople, login } from './support/clients.js';
import { createSharedPostgresDatabase, type TestDatabase } from './support/database.js';
import {
  addCase,
  chairStep,
  createMeeting,
  daysFromNow,
  meetingOf,
  type LiveAnswer,
} from './support/meetings.js';
import { startServer, type TestServer } from './support/server.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Runs `check` against two server processes on one fresh Postgres database and one Redis. */
async function withTwoProcesses(
  check: (a: TestServer, b: TestServer, database: TestDatabase) => Promise<void>,
) {
  const database = await createSharedPostgresDatabase();
  try {
    const a = await startServer({ database, env: { REDIS_URL } });
    const b = await startServer({ database, env: { REDIS_URL } });
    await check(a, b, database);
    await Promise.all([a.stop(), b.stop()]);
  } finally {
    await database.drop();
  }
}

/** One value straight from the test database. */
async function count(database: TestDatabase, query: string, ...values: string[]) {
  const sql = postgres(database.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql.unsafe<{ n: string }[]>(query, values);
    return Number(row!.n);
  } finally {
    await sql.end();
  }
}

const statuses = (answers: Response[]) => answers.map((r) => r.status).sort();

describe('chair actions from two server processes at once', () => {
  it('starts a meeting once', async () => {
    await withTwoProcesses(async (a, b, database) => {
      const cookie = await login(a.url, 'gp@demo.test');
      const [person] = await listPeople(a.url, cookie);
      for (let round = 0; round < 5; round++) {
        const meetingId = await createMeeting(a.url, cookie, daysFromNow(0.01 + round));
        await addCase(a.url, cookie, meetingId, { personId: person!.id });
        const start = (server: TestServer) =>
          send(server.url, 'POST', `/api/meetings/${meetingId}/start`, cookie, {});
        const answers = await Promise.all([start(a), start(b)]);
        expect(statuses(answers), `round ${round}`).toEqual([200, 409]);
        const starts = await count(
          database,
          `select count(*) as n from audit_events where action = 'meeting.start' and entity_id = $1`,
          meetingId,
        );
        expect(starts).toBe(1);
      }
    });
  });

  it('signs a case off once', async () => {
    await withTwoProcesses(async (a, b, database) => {
      const cookie = await login(a.url, 'gp@demo.test');
      const people = (await listPeople(a.url, cookie)).slice(0, 4);
      const meetingId = await createMeeting(a.url, cookie, daysFromNow(0.01));
      const cases = [];
      for (const person of people) {
        cases.push(await addCase(a.url, cookie, meetingId, { personId: person.id }));
      }
      await chairStep(a.url, cookie, meetingId, 'start');
      for (const [i, caseId] of cases.entries()) {
        const signOff = (server: TestServer) =>
          send(
            server.url,
            'POST',
            `/api/meetings/${meetingId}/cases/${caseId}/sign-off`,
            cookie,
            {},
          );
        expect(statuses(await Promise.all([signOff(a), signOff(b)]))).toEqual([201, 409]);
        const versions = await count(
          database,
          `select count(*) as n from plan_versions where plan_id = $1 and meeting_id = $2`,
          people[i]!.planId,
          meetingId,
        );
        expect(versions).toBe(1);
      }
    });
  });

  it('never leaves a meeting on a case removed from its agenda as the chair moves to it', async () => {
    await withTwoProcesses(async (a, b) => {
      const cookie = await login(a.url, 'gp@demo.test');
      const people = (await listPeople(a.url, cookie)).slice(0, 6);
      const meetingId = await createMeeting(a.url, cookie, daysFromNow(0.01));
      const cases = [];
      for (const person of people) {
        cases.push(await addCase(a.url, cookie, meetingId, { personId: person.id }));
      }
      let current = (await chairStep<LiveAnswer>(a.url, cookie, meetingId, 'start')).currentCaseId;
      for (const caseId of cases.slice(1)) {
        const [moved, removed] = await Promise.all([
          send(a.url, 'POST', `/api/meetings/${meetingId}/advance`, cookie, {
            caseId,
            from: current,
          }),
          send(b.url, 'DELETE', `/api/meetings/${meetingId}/cases/${caseId}`, cookie, undefined),
        ]);
        // One of the two takes: the move to it (then it cannot go), or its removal (then the
        // meeting cannot go to it).
        expect([moved.status, removed.status].filter((s) => s < 300)).toHaveLength(1);
        const meeting = await meetingOf(a.url, cookie, meetingId);
        const listed = meeting.cases.map((c) => c.id);
        if (moved.ok) {
          expect(meeting.currentCaseId).toBe(caseId);
          expect(listed).toContain(caseId);
          current = caseId;
        } else {
          expect(listed).not.toContain(caseId);
          expect(meeting.currentCaseId).toBe(current);
        }
      }
    });
  });
});

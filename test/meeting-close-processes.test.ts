import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './support/api.js';
import { listPeople, login } from './support/clients.js';
import { createSharedPostgresDatabase, type TestDatabase } from './support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow, meetingOf } from './support/meetings.js';
import { startServer, type TestServer } from './support/server.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUNDS = 5;

describe('closing one meeting from two server processes at once', () => {
  let database: TestDatabase;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    database = await createSharedPostgresDatabase();
    a = await startServer({ database, env: { REDIS_URL } });
    b = await startServer({ database, env: { REDIS_URL } });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  /** How many times the meeting's close was audited, straight from Postgres. */
  async function closeAudits(meetingId: string): Promise<number> {
    const sql = postgres(database.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from audit_events
        where action = 'meeting.close' and entity_id = ${meetingId}`;
      return row!.n;
    } finally {
      await sql.end();
    }
  }

  it('closes it once: one answer refused, one audit, each case carried once', async () => {
    const cookies = [await login(a.url, 'gp@demo.test'), await login(b.url, 'gp@demo.test')];
    const people = (await listPeople(a.url, cookies[0]!)).slice(0, 3);
    for (let round = 1; round <= ROUNDS; round++) {
      // A month apart, so that each close makes its own next meeting a week on.
      const meetingId = await createMeeting(a.url, cookies[0]!, daysFromNow(30 * round));
      for (const person of people) {
        await addCase(a.url, cookies[0]!, meetingId, { personId: person.id });
      }
      await chairStep(a.url, cookies[0]!, meetingId, 'start');

      const answers = await Promise.all(
        [a, b].map((server, i) =>
          send(server.url, 'POST', `/api/meetings/${meetingId}/close`, cookies[i]!, {}),
        ),
      );
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses, `round ${round}`).toEqual([200, 409]);
      const refused = (await answers.find((res) => res.status === 409)!.json()) as {
        error: string;
      };
      expect(refused.error).toMatch(/has closed/);
      const closed = (await answers.find((res) => res.status === 200)!.json()) as {
        nextMeetingId: string;
        carried: number;
      };
      expect(closed.carried).toBe(3);
      expect(await closeAudits(meetingId)).toBe(1);
      const next = await meetingOf(a.url, cookies[0]!, closed.nextMeetingId);
      expect(next.cases.map((c) => c.personId).sort()).toEqual(people.map((p) => p.id).sort());
    }
  });
});

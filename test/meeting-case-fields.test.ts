import { beforeAll, describe, expect, it } from 'vitest';
import { send } from './support/api.js';
import { listPeople, login, type PersonSummary } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addCase, createMeeting, daysFromNow, meetingOf } from './support/meetings.js';
import { startServer, type TestServer } from './support/server.js';

describe(`what a case on the agenda accepts (${databaseBackend})`, () => {
  let server: TestServer;
  let cookie: string;
  let people: PersonSummary[];

  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'gp@demo.test');
    people = await listPeople(server.url, cookie);
  });

  it('takes the minutes only as a plain whole number from 1 to 120', async () => {
    const [first, second] = people;
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(3));
    const caseId = await addCase(server.url, cookie, meetingId, { personId: first!.id });
    const path = `/api/meetings/${meetingId}/cases`;
    const minutesMessage = { minutesAllotted: 'Give the minutes as a whole number from 1 to 120' };
    for (const minutesAllotted of [' 0x10 ', '1e1', '12.0', 0, 121, 7.5]) {
      const what = JSON.stringify(minutesAllotted);
      const added = await send(server.url, 'POST', path, cookie, {
        personId: second!.id,
        reason: 'review',
        minutesAllotted,
      });
      expect(added.status, what).toBe(400);
      expect(await added.json(), what).toMatchObject({ fields: minutesMessage });
      const changed = await send(server.url, 'PATCH', `${path}/${caseId}`, cookie, {
        minutesAllotted,
      });
      expect(changed.status, what).toBe(400);
    }
    expect((await meetingOf(server.url, cookie, meetingId)).cases).toHaveLength(1);

    // As the page's form sends it.
    const form = new URLSearchParams({
      personId: second!.id,
      reason: 'review',
      minutesAllotted: '0x10',
      prepNotes: '',
    });
    const res = await fetch(`${server.url}/meetings/${meetingId}?/addCase`, {
      method: 'POST',
      headers: {
        cookie,
        origin: server.url,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });
    const answer = (await res.json()) as { type: string; status: number; data: string };
    expect(answer).toMatchObject({ type: 'failure', status: 400 });
    expect(answer.data).toContain('a whole number from 1 to 120');
    expect((await meetingOf(server.url, cookie, meetingId)).cases).toHaveLength(1);

    const plain = await send(server.url, 'POST', path, cookie, {
      personId: second!.id,
      reason: 'review',
      minutesAllotted: ' 15 ',
    });
    expect(plain.status).toBe(201);
  });
});

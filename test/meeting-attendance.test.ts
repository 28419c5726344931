import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getJson, me, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { call, chairStep, createMeeting, daysFromNow, meetingOf } from './support/meetings.js';
import { startServer } from './support/server.js';

describe(`who is at a meeting, and how (${databaseBackend})`, () => {
  it('lets the chair correct a member’s mode, and answers a wrong member 404, not 500', async () => {
    const server = await startServer();
    const [chairCookie, nurseCookie] = await Promise.all([
      login(server.url, 'gp@demo.test'),
      login(server.url, 'nurse@demo.test'),
    ]);
    const nurse = await me(server.url, nurseCookie);
    const meetingId = await createMeeting(server.url, chairCookie, daysFromNow(0.01));
    await chairStep(server.url, chairCookie, meetingId, 'start');
    const attendance = `/api/meetings/${meetingId}/attendance`;
    await call(server.url, 'POST', attendance, nurseCookie, { mode: 'remote' });
    const modeOf = async () =>
      (await meetingOf(server.url, chairCookie, meetingId)).attendance.find(
        (a) => a.userId === nurse.id,
      )?.mode;
    expect(await modeOf()).toBe('remote');

    await call(server.url, 'PATCH', `${attendance}/${nurse.id}`, chairCookie, { mode: 'in-room' });
    expect(await modeOf()).toBe('in-room');

    const patch = (userId: string, cookie = chairCookie, mode = 'remote') =>
      send(server.url, 'PATCH', `${attendance}/${userId}`, cookie, { mode });
    expect((await patch(nurse.id, nurseCookie)).status).toBe(403);
    expect((await patch(nurse.id, chairCookie, 'sideways')).status).toBe(400);
    for (const stranger of ['not-a-user', randomUUID()]) {
      const res = await patch(stranger);
      expect(res.status, stranger).toBe(404);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    expect(await modeOf()).toBe('in-room');
  });

  it('records no one as attending a meeting that has not started', async () => {
    const server = await startServer();
    const [chairCookie, nurseCookie] = await Promise.all([
      login(server.url, 'gp@demo.test'),
      login(server.url, 'nurse@demo.test'),
    ]);
    const nurse = await me(server.url, nurseCookie);
    const meetingId = await createMeeting(server.url, chairCookie, daysFromNow(7));
    const attendance = `/api/meetings/${meetingId}/attendance`;
    // As the meeting bar does on a plan opened from the meeting's link, days before.
    const early = await send(server.url, 'POST', attendance, nurseCookie, {});
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual({ error: expect.stringMatching(/not started yet/) });
    expect((await meetingOf(server.url, chairCookie, meetingId)).attendance).toEqual([]);

    await chairStep(server.url, chairCookie, meetingId, 'start');
    await call(server.url, 'POST', attendance, nurseCookie, {});
    const joined = (await meetingOf(server.url, chairCookie, meetingId)).attendance;
    expect(joined.map((a) => a.userId)).toEqual([nurse.id]);
  });

  it('keeps a closed meeting’s attendance as it was, and never lists the administrator', async () => {
    const server = await startServer();
    const [chairCookie, nurseCookie, navCookie, adminCookie] = await Promise.all(
      ['gp', 'nurse', 'navigator', 'admin'].map((who) => login(server.url, `${who}@demo.test`)),
    );
    const nurse = await me(server.url, nurseCookie!);
    const meetingId = await createMeeting(server.url, chairCookie!, daysFromNow(0.01));
    await chairStep(server.url, chairCookie!, meetingId, 'start');
    const attendance = `/api/meetings/${meetingId}/attendance`;
    await call(server.url, 'POST', attendance, nurseCookie!, { mode: 'remote' });

    const byAdmin = await send(server.url, 'POST', attendance, adminCookie, {});
    expect(byAdmin.status).toBe(403);
    expect(await byAdmin.json()).toEqual({ error: expect.stringMatching(/administrator/) });

    await chairStep(server.url, chairCookie!, meetingId, 'close');
    const minutesBefore = await getJson(
      server.url,
      `/api/meetings/${meetingId}/minutes`,
      chairCookie!,
    );
    const late = [
      send(server.url, 'POST', attendance, nurseCookie, { mode: 'in-room' }),
      send(server.url, 'POST', attendance, navCookie, {}),
      send(server.url, 'PATCH', `${attendance}/${nurse.id}`, chairCookie, { mode: 'in-room' }),
    ];
    for (const res of await Promise.all(late)) {
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/has closed/) });
    }
    const after = await meetingOf(server.url, chairCookie!, meetingId);
    expect(after.attendance.map((a) => [a.userId, a.mode])).toEqual([[nurse.id, 'remote']]);
    expect(await getJson(server.url, `/api/meetings/${meetingId}/minutes`, chairCookie!)).toEqual(
      minutesBefore,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { getJson, me } from './support/api.js';
import { get, listPeople, login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow } from './support/meetings.js';
import { startServer } from './support/server.js';

interface AuditPage {
  entries: { action: string; entityType: string; entityId: string; detail: object }[];
}

describe(`reading a meeting's minutes, in the audit trail (${databaseBackend})`, () => {
  it('records each reading, on the page or as JSON, and a download once, as a download', async () => {
    const server = await startServer();
    const [chairCookie, nurseCookie, partnerCookie, adminCookie] = await Promise.all(
      ['gp', 'nurse', 'partner', 'admin'].map((who) => login(server.url, `${who}@demo.test`)),
    );
    const [person] = await listPeople(server.url, partnerCookie!);
    const meetingId = await createMeeting(server.url, chairCookie!, daysFromNow(0.01));
    await addCase(server.url, chairCookie!, meetingId, { personId: person!.id });
    await chairStep(server.url, chairCookie!, meetingId, 'start');
    await chairStep(server.url, chairCookie!, meetingId, 'close');
    const minutes = `/meetings/${meetingId}/minutes`;

    expect((await get(server.url, minutes, nurseCookie)).status).toBe(200);
    expect((await get(server.url, `/api${minutes}`, partnerCookie)).status).toBe(200);
    expect((await get(server.url, `/api${minutes}.html`, chairCookie)).status).toBe(200);

    const readings = async (cookie: string) => {
      const { id } = await me(server.url, cookie);
      const { entries } = await getJson<AuditPage>(
        server.url,
        `/api/audit?userId=${id}`,
        adminCookie!,
      );
      return entries
        .filter((e) => e.entityType === 'meeting' && e.entityId === meetingId)
        .filter((e) => e.action.startsWith('minutes.'))
        .map((e) => [e.action, e.detail]);
    };
    expect(await readings(nurseCookie!)).toEqual([['minutes.open', { audience: 'team' }]]);
    expect(await readings(partnerCookie!)).toEqual([['minutes.open', { audience: 'partner' }]]);
    expect(await readings(chairCookie!)).toEqual([['minutes.export', { audience: 'team' }]]);
  });
});

import { describe, expect, it } from 'vitest';
import { getJson, me, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import type { MeetingDetail } from './support/meetings.js';
import { startServer } from './support/server.js';

describe(`scheduling a meeting from its page (${databaseBackend})`, () => {
  it('reads the time typed as the team’s wall clock in London, across the clock change', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'gp@demo.test');
    const gp = await me(server.url, cookie);
    const neighbourhoodId = gp.neighbourhoods[0]!.id;
    // Typed in winter for a summer morning, as a `datetime-local` field sends it: no zone.
    const form = new URLSearchParams({
      startsAt: '2027-07-06T09:30',
      place: 'Heatons Group Practice, room 2',
      callLink: '',
      neighbourhoodId,
    });
    // As the page's own script sends it, which asks for the action's answer as JSON.
    const res = await fetch(`${server.url}/meetings?/schedule`, {
      method: 'POST',
      headers: {
        cookie,
        origin: server.url,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });
    const answer = (await res.json()) as { type: string; location?: string };
    expect(answer).toMatchObject({ type: 'redirect', status: 303 });
    const meetingId = /^\/meetings\/([0-9a-f-]{36})$/.exec(answer.location ?? '')?.[1];
    expect(meetingId).toBeDefined();
    const meeting = await getJson<MeetingDetail>(server.url, `/api/meetings/${meetingId}`, cookie);
    // 09:30 British Summer Time.
    expect(new Date(meeting.startsAt).toISOString()).toBe('2027-07-06T08:30:00.000Z');
  });

  it('refuses a meeting in the past, and says what to enter when the time is missing', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'gp@demo.test');
    const gp = await me(server.url, cookie);
    const schedule = (startsAt: string) =>
      send(server.url, 'POST', '/api/meetings', cookie, {
        startsAt,
        neighbourhoodId: gp.neighbourhoods[0]!.id,
      });
    const past = await schedule('2020-01-01T09:30');
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({
      fields: { startsAt: expect.stringMatching(/later/) },
    });
    const missing = await schedule('');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      fields: { startsAt: 'Enter the date and time of the meeting' },
    });
  });
});

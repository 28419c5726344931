import { describe, expect, it } from 'vitest';
import { getJson, me, send } from './support/api.js';
import { listPeople, login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addCase,
  call,
  chairStep,
  createMeeting,
  daysFromNow,
  type MeetingDetail,
} from './support/meetings.js';
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

  it('refuses a start beyond two years, and a place or call link too long, field by field', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'gp@demo.test');
    const schedule = (body: Record<string, unknown>) =>
      send(server.url, 'POST', '/api/meetings', cookie, {
        startsAt: daysFromNow(30).toISOString(),
        ...body,
      });
    const fieldsOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { fields: Record<string, string> }).fields;
    };

    expect(await fieldsOf(await schedule({ startsAt: '9999-12-31T09:30' }))).toEqual({
      startsAt: 'Choose a date in the next two years: meetings are planned that far ahead',
    });
    expect((await schedule({ startsAt: daysFromNow(700).toISOString() })).status).toBe(201);
    const tooLong = await schedule({
      place: 'Room '.repeat(41),
      callLink: `https://call.example/${'x'.repeat(2_000)}`,
    });
    expect(await fieldsOf(tooLong)).toEqual({
      place: 'Give the place as text of up to 200 characters',
      callLink: 'Give the call link as a web address of up to 2,000 characters',
    });
    expect(Object.keys(await fieldsOf(await schedule({ place: 12, callLink: ['x'] })))).toEqual([
      'place',
      'callLink',
    ]);
    const notWeb = await schedule({ callLink: 'javascript:alert(1)' });
    expect(await fieldsOf(notWeb)).toEqual({
      callLink: 'Give the call link as a web address starting https://',
    });
    const fits = await schedule({
      place: 'R'.repeat(200),
      callLink: `https://call.example/${'x'.repeat(1_979)}`, // 2,000 in all
    });
    expect(fits.status).toBe(201);
  });

  it('dates the minutes and a sign-off by the day the meeting was held, when started early', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'gp@demo.test');
    const [person] = await listPeople(server.url, cookie);
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(8));
    const caseId = await addCase(server.url, cookie, meetingId, { personId: person!.id });
    await chairStep(server.url, cookie, meetingId, 'start');
    const signOff = `/api/meetings/${meetingId}/cases/${caseId}/sign-off`;
    await call(server.url, 'POST', signOff, cookie, {}, 201);

    const today = new Date().toLocaleDateString('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    const minutes = await getJson<{ date: string }>(
      server.url,
      `/api/meetings/${meetingId}/minutes`,
      cookie,
    );
    expect(minutes.date).toBe(today);
    const versions = await getJson<{ label: string }[]>(
      server.url,
      `/api/plans/${person!.planId}/versions`,
      cookie,
    );
    expect(versions[0]!.label).toContain(today);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { send } from './support/api.js';
import * as Y from 'yjs';
import { caseNotes, caseNotesText, meetingDocument } from '@careweave/shared';
import { connect, destroy, get, listPeople, login, synced, waitFor } from './support/clients.js';
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

describe(`taking a case off an agenda (${databaseBackend})`, () => {
  it('lets the chair remove only a case still waiting, while the meeting is open', async () => {
    const server = await startServer();
    const [chair, nurse] = await Promise.all([
      login(server.url, 'gp@demo.test'),
      login(server.url, 'nurse@demo.test'),
    ]);
    const people = await listPeople(server.url, chair);
    const meetingId = await createMeeting(server.url, chair, daysFromNow(0.01));
    const ids: string[] = [];
    for (const person of people.slice(0, 5)) {
      ids.push(await addCase(server.url, chair, meetingId, { personId: person.id }));
    }
    const [current, decided, signed, waiting, gone] = ids;
    const path = (caseId: string) => `/api/meetings/${meetingId}/cases/${caseId}`;
    const remove = (caseId: string, cookie = chair) =>
      send(server.url, 'DELETE', path(caseId), cookie, {});

    // Before the meeting starts.
    expect((await remove(gone!)).status).toBe(200);
    expect((await remove(gone!)).status).toBe(404);

    await chairStep(server.url, chair, meetingId, 'start');
    await call(server.url, 'POST', `${path(decided!)}/outcome`, chair, { decision: 'refer' });
    await call(server.url, 'POST', `${path(signed!)}/sign-off`, chair, {}, 201);
    for (const caseId of [current!, decided!, signed!]) {
      const res = await remove(caseId);
      expect(res.status, caseId).toBe(409);
      expect(await res.json()).toEqual({
        error: expect.stringMatching(/^Only a case still waiting to be discussed can be removed/),
      });
    }
    expect((await remove(waiting!, nurse)).status).toBe(403);
    expect((await remove(randomUUID())).status).toBe(404);
    expect((await remove(waiting!)).status).toBe(200);

    const left = (await meetingOf(server.url, chair, meetingId)).cases.map((c) => c.id);
    expect(left).toEqual([current, decided, signed]);
    await chairStep(server.url, chair, meetingId, 'close');
    expect((await remove(signed!)).status).toBe(409);
  });

  it('keeps a case discussed and left undecided, so its notes reach the minutes', async () => {
    const server = await startServer();
    const chair = await login(server.url, 'gp@demo.test');
    const [first, second] = await listPeople(server.url, chair);
    const meetingId = await createMeeting(server.url, chair, daysFromNow(0.01));
    const discussed = await addCase(server.url, chair, meetingId, { personId: first!.id });
    await addCase(server.url, chair, meetingId, { personId: second!.id });
    await chairStep(server.url, chair, meetingId, 'start');

    const notes = connect(server.wsUrl, meetingDocument(meetingId), chair);
    await synced(notes);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Daughter to call the practice.')]);
    caseNotes(notes.doc, discussed).insert(0, [paragraph]);
    const reader = connect(server.wsUrl, meetingDocument(meetingId), chair);
    await waitFor(() => caseNotesText(reader.doc, discussed).includes('Daughter'), 'the notes');
    destroy(reader);
    destroy(notes);
    await chairStep(server.url, chair, meetingId, 'advance', { from: discussed });

    const res = await send(
      server.url,
      'DELETE',
      `/api/meetings/${meetingId}/cases/${discussed}`,
      chair,
      {},
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/discussion notes/) });
    const minutes = await get(server.url, `/api/meetings/${meetingId}/minutes`, chair);
    expect(JSON.stringify(await minutes.json())).toContain('Daughter to call the practice.');
  });
});

import { describe, expect, it } from 'vitest';
import { send } from './support/api.js';
import { listPeople, login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addCase, createMeeting, daysFromNow, meetingOf } from './support/meetings.js';
import { startServer } from './support/server.js';

describe(`prep notes edited by two people (${databaseBackend})`, () => {
  it('refuses a save made from an older copy, and keeps what the other person saved', async () => {
    const server = await startServer();
    const [chair, nurse, social] = await Promise.all(
      ['gp', 'nurse', 'social'].map((who) => login(server.url, `${who}@demo.test`)),
    );
    const [person] = await listPeople(server.url, chair!);
    const meetingId = await createMeeting(server.url, chair!, daysFromNow(3));
    const caseId = await addCase(server.url, chair!, meetingId, {
      personId: person!.id,
      prepNotes: 'Review falls.\nCheck the BP.',
    });
    const path = `/api/meetings/${meetingId}/cases/${caseId}`;
    const save = (cookie: string | undefined, body: Record<string, unknown>) =>
      send(server.url, 'PATCH', path, cookie, body);
    const notes = async () => (await meetingOf(server.url, chair!, meetingId)).cases[0]!.prepNotes;

    // Both started from the same notes; a browser sends its line breaks as CR LF.
    const started = 'Review falls.\r\nCheck the BP.';
    const first = await save(nurse, { prepNotes: 'Nurse: BP fine.', prepNotesBefore: started });
    expect(first.status).toBe(200);
    const second = await save(social, { prepNotes: 'Social: carer', prepNotesBefore: started });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({
      error: expect.stringMatching(/^Someone else changed these notes/),
      fields: { prepNotes: expect.stringMatching(/^Someone else changed these notes/) },
    });
    expect(await notes()).toBe('Nurse: BP fine.');

    // Having read theirs, from the copy now saved.
    const again = await save(social, {
      prepNotes: 'Nurse: BP fine. Social: carer',
      prepNotesBefore: 'Nurse: BP fine.',
    });
    expect(again.status).toBe(200);
    expect(await notes()).toBe('Nurse: BP fine. Social: carer');

    const wrong = await save(social, { prepNotes: 'x', prepNotesBefore: 5 });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fields: { prepNotesBefore: expect.any(String) } });
    const tooLong = await save(nurse, {
      prepNotes: 'x'.repeat(10_001),
      prepNotesBefore: 'Nurse: BP fine. Social: carer',
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({
      fields: { prepNotes: 'Prep notes are text, up to 10,000 characters' },
    });
    expect(await notes()).toBe('Nurse: BP fine. Social: carer');
  });
});

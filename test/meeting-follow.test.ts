import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, listPeople, login, synced } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addCase,
  chairStep,
  createMeeting,
  daysFromNow,
  meetingOf,
  meetingState,
  within,
} from './support/meetings.js';
import { startServer } from './support/server.js';

/** Resolves with the time `doc`'s meeting state first names `caseId` as current. */
function whenCurrent(doc: Y.Doc, caseId: string): Promise<number> {
  const state = meetingState(doc);
  return new Promise((resolve) => {
    if (state.get('currentCaseId') === caseId) return resolve(Date.now());
    const look = () => {
      if (state.get('currentCaseId') !== caseId) return;
      state.unobserve(look);
      resolve(Date.now());
    };
    state.observe(look);
  });
}

describe(`the team following the chair from case to case (${databaseBackend})`, () => {
  it('brings the next case to both members within a second of the chair moving on', async () => {
    const server = await startServer();
    const [chairCookie, nurseCookie, navCookie] = await Promise.all([
      login(server.url, 'gp@demo.test'),
      login(server.url, 'nurse@demo.test'),
      login(server.url, 'navigator@demo.test'),
    ]);
    const [first, second] = await listPeople(server.url, chairCookie);
    const meetingId = await createMeeting(server.url, chairCookie, daysFromNow(0.01));
    const case1 = await addCase(server.url, chairCookie, meetingId, { personId: first!.id });
    const case2 = await addCase(server.url, chairCookie, meetingId, { personId: second!.id });

    const docName = `meeting:${meetingId}`;
    const chair = connect(server.wsUrl, docName, chairCookie);
    const nurse = connect(server.wsUrl, docName, nurseCookie);
    const navigator = connect(server.wsUrl, docName, navCookie);
    await Promise.all([synced(chair), synced(nurse), synced(navigator)]);
    expect(meetingState(nurse.doc).get('currentCaseId') ?? null).toBeNull();

    const started = Promise.all([whenCurrent(nurse.doc, case1), whenCurrent(navigator.doc, case1)]);
    await chairStep(server.url, chairCookie, meetingId, 'start');
    await within(started, 5_000, 'both members to see the first case after start');
    expect(meetingState(navigator.doc).get('status')).toBe('live');

    const issued = Date.now();
    const arrived = Promise.all([whenCurrent(nurse.doc, case2), whenCurrent(navigator.doc, case2)]);
    await chairStep(server.url, chairCookie, meetingId, 'advance', { from: case1 });
    const answered = Date.now();
    const seen = await within(arrived, 5_000, 'the next case to reach both members');
    const delays = seen.map((at) => at - issued);
    for (const delay of delays)
      expect(delay, `ms after the advance: ${delays.join(', ')}`).toBeLessThan(1000);
    // Not only fast: the state says the same thing the API does.
    expect(meetingState(nurse.doc).get('currentCaseId')).toBe(case2);
    expect(meetingState(chair.doc).get('currentCaseId')).toBe(case2);
    expect(typeof meetingState(navigator.doc).get('caseStartedAt')).toBe('string');
    const meeting = await meetingOf(server.url, navCookie, meetingId);
    expect(meeting.currentCaseId).toBe(case2);
    // No decision was recorded for case 1, so it is not done (contract: stays pending).
    expect(meeting.cases.find((c) => c.id === case1)?.status).toBe('pending');
    expect(meeting.cases.find((c) => c.id === case2)?.status).toBe('discussing');
    expect(answered - issued).toBeLessThan(5_000);
  });
});

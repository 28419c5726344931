import { describe, expect, it } from 'vitest';
import {
  addAction,
  addMedication,
  appendParagraphs,
  caseNotes,
  caseNotesText,
  ClinicalPlan,
  clinicalPlanDocument,
  CloseCode,
  readMedications,
  sharedPlanDocument,
} from '@careweave/shared';
import { changesOf, getJson, me } from './support/api.js';
import {
  closeCodeOf,
  connect,
  get,
  listPeople,
  login,
  openRaw,
  synced,
  waitFor,
} from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addCase,
  call,
  chairStep,
  createMeeting,
  daysFromNow,
  meetingOf,
  type LiveAnswer,
} from './support/meetings.js';
import { startServer } from './support/server.js';

describe(`a voluntary partner at the meeting (${databaseBackend})`, () => {
  it('never receives an unconsented person, prep or discussion notes, or clinical text', async () => {
    const server = await startServer();
    const [gpCookie, partnerCookie, nurseCookie] = await Promise.all([
      login(server.url, 'gp@demo.test'),
      login(server.url, 'partner@demo.test'),
      login(server.url, 'nurse@demo.test'),
    ]);
    const gpId = (await me(server.url, gpCookie)).id;
    const everyone = await listPeople(server.url, gpCookie);
    const partnerSees = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    const consented = everyone.find((p) => partnerSees.has(p.id))!;
    const hidden = everyone.find((p) => !partnerSees.has(p.id))!;
    expect(consented && hidden).toBeTruthy();
    const stamp = Date.now();
    const secret = {
      medicine: `Clinical-only medicine ${stamp}`,
      summary: `Clinical-only summary ${stamp}`,
      prep: `Prep note for the team ${stamp}`,
      discussion: `Discussion in the room ${stamp}`,
    };
    const actionText = `Befriending visit agreed ${stamp}`;

    const meetingId = await createMeeting(server.url, gpCookie, daysFromNow(0.01));
    const hiddenCase = await addCase(server.url, gpCookie, meetingId, {
      personId: hidden.id,
      prepNotes: secret.prep,
    });
    const sharedCase = await addCase(server.url, gpCookie, meetingId, {
      personId: consented.id,
      prepNotes: secret.prep,
    });

    // The meeting document is closed to the partner; a member gets in.
    const refused = openRaw(server.wsUrl, `meeting:${meetingId}`, { cookie: partnerCookie });
    expect((await closeCodeOf(refused)).code).toBe(CloseCode.Forbidden);
    const nurseMeeting = connect(server.wsUrl, `meeting:${meetingId}`, nurseCookie);
    await synced(nurseMeeting);

    // Clinical text in the consented person's plan.
    const clinical = connect(server.wsUrl, clinicalPlanDocument(consented.planId), gpCookie);
    const shared = connect(server.wsUrl, sharedPlanDocument(consented.planId), gpCookie);
    await Promise.all([synced(clinical), synced(shared)]);
    addMedication(clinical.doc, { name: secret.medicine, dose: '5 mg', frequency: 'daily' }, gpId);
    appendParagraphs(clinical.doc.getXmlFragment(ClinicalPlan.clinicalSummary), [secret.summary]);

    // The meeting as the partner sees it: one case, no prep notes.
    const partnerMeeting = await get(server.url, `/api/meetings/${meetingId}`, partnerCookie);
    expect(partnerMeeting.status).toBe(200);
    const partnerMeetingText = await partnerMeeting.text();
    const { cases } = JSON.parse(partnerMeetingText) as { cases: Record<string, unknown>[] };
    expect(cases.map((c) => c.id)).toEqual([sharedCase]);
    expect(cases.every((c) => c.prepNotes === undefined || c.prepNotes === null)).toBe(true);
    for (const leak of [hidden.name, hidden.id, hidden.planId, hidden.nhsNumber, secret.prep]) {
      expect(partnerMeetingText).not.toContain(leak);
    }
    // The control: the GP sees both cases with their prep notes.
    const gpMeeting = await meetingOf(server.url, gpCookie, meetingId);
    expect(gpMeeting.cases.map((c) => c.id)).toEqual([hiddenCase, sharedCase]);
    expect(gpMeeting.cases[0]!.prepNotes).toBe(secret.prep);

    // Live: the unconsented case is current; the partner learns only that one is on.
    await chairStep(server.url, gpCookie, meetingId, 'start');
    const liveRes = await get(server.url, `/api/meetings/${meetingId}/live`, partnerCookie);
    expect(liveRes.status).toBe(200);
    const liveText = await liveRes.text();
    const live = JSON.parse(liveText) as LiveAnswer;
    expect(live).toMatchObject({ status: 'live', current: null, restricted: true });
    for (const leak of [hidden.name, hidden.id, hidden.planId])
      expect(liveText).not.toContain(leak);
    const gpLive = await getJson<LiveAnswer>(
      server.url,
      `/api/meetings/${meetingId}/live`,
      gpCookie,
    );
    expect(gpLive.current).toMatchObject({ caseId: hiddenCase, personName: hidden.name });

    // A decision on it, so the team's minutes must list it.
    const hiddenPath = `/api/meetings/${meetingId}/cases/${hiddenCase}`;
    await call(server.url, 'POST', `${hiddenPath}/outcome`, gpCookie, { decision: 'refer' });

    // Then the consented case: the partner follows it.
    await chairStep(server.url, gpCookie, meetingId, 'advance', {
      caseId: sharedCase,
      from: hiddenCase,
    });
    const partnerLive = await getJson<LiveAnswer>(
      server.url,
      `/api/meetings/${meetingId}/live`,
      partnerCookie,
    );
    expect(partnerLive.current).toMatchObject({
      caseId: sharedCase,
      personName: consented.name,
      planId: consented.planId,
    });

    // The action agreed during the case, and discussion notes in the meeting document.
    addAction(shared.doc, { text: actionText, ownerId: gpId, dueDate: '2099-03-01' }, gpId);
    const gpMeetingDoc = connect(server.wsUrl, `meeting:${meetingId}`, gpCookie);
    await synced(gpMeetingDoc);
    appendParagraphs(caseNotes(gpMeetingDoc.doc, sharedCase), [secret.discussion]);
    await waitFor(
      () => caseNotesText(nurseMeeting.doc, sharedCase).includes(secret.discussion),
      'the nurse to see the discussion notes',
    );
    await waitFor(async () => {
      const { changes } = await changesOf(server.url, gpCookie, consented.planId);
      return changes.some((c) => c.label === secret.medicine);
    }, 'the medicine to reach the server');
    expect(readMedications(clinical.doc).some((m) => m.name === secret.medicine)).toBe(true);

    const casePath = `/api/meetings/${meetingId}/cases/${sharedCase}`;
    await call(server.url, 'POST', `${casePath}/outcome`, gpCookie, { decision: 'continue-plan' });
    await call(server.url, 'POST', `${casePath}/sign-off`, gpCookie, {}, 201);
    await chairStep(server.url, gpCookie, meetingId, 'close');

    // The team's minutes have the agreed action once the plan's projection has caught up.
    const teamMinutes = () => get(server.url, `/api/meetings/${meetingId}/minutes`, gpCookie);
    await waitFor(
      async () => (await (await teamMinutes()).text()).includes(actionText),
      'the action in the minutes',
    );

    // The partner's minutes: the consented case, its action; nothing else.
    const minutesRes = await get(server.url, `/api/meetings/${meetingId}/minutes`, partnerCookie);
    expect(minutesRes.status).toBe(200);
    const minutes = await minutesRes.text();
    const htmlRes = await get(server.url, `/api/meetings/${meetingId}/minutes.html`, partnerCookie);
    expect(htmlRes.status).toBe(200);
    expect(htmlRes.headers.get('content-disposition')).toMatch(/attachment/);
    const html = await htmlRes.text();
    for (const copy of [minutes, html]) {
      expect(copy).toContain(consented.name);
      expect(copy).toContain(actionText);
      for (const leak of [hidden.name, hidden.nhsNumber, ...Object.values(secret)]) {
        expect(copy).not.toContain(leak);
      }
    }
    const structure = JSON.parse(minutes) as { cases: { discussion?: unknown }[] };
    expect(structure.cases).toHaveLength(1);
    expect(structure.cases.every((c) => c.discussion === undefined || c.discussion === null)).toBe(
      true,
    );

    // The control: the team's minutes have the unconsented person's case too.
    expect(await (await teamMinutes()).text()).toContain(hidden.name);
  });
});

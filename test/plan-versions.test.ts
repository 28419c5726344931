import { describe, expect, it } from 'vitest';
import {
  addGoal,
  addMedication,
  appendParagraphs,
  clinicalPlanDocument,
  readGoals,
  readMedications,
  sharedPlanDocument,
  updateMedication,
  whatMattersToMe,
} from '@careweave/shared';
import { getJson, me, send } from './support/api.js';
import { connect, get, listPeople, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  contentOf,
  createMeeting,
  daysFromNow,
  signOffPlan,
  versionDocs,
  type VersionDetail,
  type VersionSummary,
} from './support/meetings.js';
import { startServer } from './support/server.js';

describe(`signed-off plan versions (${databaseBackend})`, () => {
  it('lets only a chair sign off, lists versions newest first, and keeps each as it was signed', async () => {
    const server = await startServer();
    const [gpCookie, nurseCookie, partnerCookie] = await Promise.all([
      login(server.url, 'gp@demo.test'),
      login(server.url, 'nurse@demo.test'),
      login(server.url, 'partner@demo.test'),
    ]);
    const gp = await me(server.url, gpCookie);
    const partnerSees = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    const person = (await listPeople(server.url, gpCookie)).find((p) => partnerSees.has(p.id))!;
    const { planId } = person;
    const stamp = Date.now();

    // The GP writes in both documents; the nurse's clients show when the server has it all.
    const docs = {
      shared: connect(server.wsUrl, sharedPlanDocument(planId), gpCookie),
      clinical: connect(server.wsUrl, clinicalPlanDocument(planId), gpCookie),
    };
    const seen = {
      shared: connect(server.wsUrl, sharedPlanDocument(planId), nurseCookie),
      clinical: connect(server.wsUrl, clinicalPlanDocument(planId), nurseCookie),
    };
    await Promise.all([...Object.values(docs), ...Object.values(seen)].map((p) => synced(p)));
    appendParagraphs(whatMattersToMe(docs.shared.doc), [`Before sign-off ${stamp}`]);
    const goal = addGoal(
      docs.shared.doc,
      { text: `Signed goal ${stamp}`, horizon: 'month', category: 'wellbeing' },
      gp.id,
    );
    const medicine = addMedication(
      docs.clinical.doc,
      { name: `Signed medicine ${stamp}`, dose: '10 mg', frequency: 'daily' },
      gp.id,
    );
    await waitFor(
      () =>
        readGoals(seen.shared.doc).some((g) => g.id === goal) &&
        readMedications(seen.clinical.doc).some((m) => m.id === medicine),
      'the nurse to see the GP’s edits',
    );
    const atSignOff = {
      shared: contentOf(docs.shared.doc, 'shared'),
      clinical: contentOf(docs.clinical.doc, 'clinical'),
    };

    const path = `/api/plans/${planId}/versions`;
    // The administrator is in the team but may read no plan: still told they may not chair.
    const adminCookie = await login(server.url, 'admin@demo.test');
    for (const cookie of [nurseCookie, partnerCookie, adminCookie]) {
      const refused = await send(server.url, 'POST', path, cookie, { label: 'Not a chair' });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toHaveProperty('error');
    }
    // The partner is not told that a plan they may not see exists.
    const hidden = (await listPeople(server.url, gpCookie)).find((p) => !partnerSees.has(p.id))!;
    const unseen = await send(
      server.url,
      'POST',
      `/api/plans/${hidden.planId}/versions`,
      partnerCookie,
      {
        label: 'Not a chair',
      },
    );
    expect(unseen.status).toBe(404);
    const meetingId = await createMeeting(server.url, gpCookie, daysFromNow(0.01));
    const before = Date.now();
    const created = await send(server.url, 'POST', path, gpCookie, {
      label: 'Agreed at the MDT',
      meetingId,
    });
    expect(created.status).toBe(201);
    const first = (await created.json()) as { id: string };
    expect(first).toEqual({ id: expect.any(String) });

    async function fetchVersion(id: string, cookie = gpCookie) {
      const version = await getJson<VersionDetail>(server.url, `${path}/${id}`, cookie);
      return { version, docs: versionDocs(planId, version) };
    }
    const signed = await fetchVersion(first.id);
    expect(signed.version).toMatchObject({ label: 'Agreed at the MDT' });
    expect(JSON.stringify(signed.version.signedBy)).toMatch(new RegExp(`${gp.id}|${gp.name}`));
    expect(new Date(signed.version.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(signed.version.documents.map((d) => d.name).sort()).toEqual(
      [clinicalPlanDocument(planId), sharedPlanDocument(planId)].sort(),
    );
    expect(contentOf(signed.docs.shared!, 'shared')).toEqual(atSignOff.shared);
    expect(contentOf(signed.docs.clinical!, 'clinical')).toEqual(atSignOff.clinical);

    // Later edits change the live documents but not the version.
    appendParagraphs(whatMattersToMe(docs.shared.doc), [`After sign-off ${stamp}`]);
    addGoal(
      docs.shared.doc,
      { text: `Later goal ${stamp}`, horizon: 'week', category: 'other' },
      gp.id,
    );
    updateMedication(docs.clinical.doc, medicine, { dose: '20 mg' });
    await waitFor(
      () =>
        readGoals(seen.shared.doc).length === readGoals(docs.shared.doc).length &&
        readMedications(seen.clinical.doc).find((m) => m.id === medicine)?.dose === '20 mg',
      'the nurse to see the later edits',
    );
    const now = {
      shared: contentOf(docs.shared.doc, 'shared'),
      clinical: contentOf(docs.clinical.doc, 'clinical'),
    };
    expect(now.shared).not.toEqual(atSignOff.shared);
    expect(now.clinical).not.toEqual(atSignOff.clinical);
    const again = await fetchVersion(first.id);
    expect(contentOf(again.docs.shared!, 'shared')).toEqual(atSignOff.shared);
    expect(contentOf(again.docs.clinical!, 'clinical')).toEqual(atSignOff.clinical);

    // A second version, with no meeting, holds the later state and is listed first.
    const secondId = await signOffPlan(server.url, gpCookie, planId, 'Reviewed outside the MDT');
    const second = await fetchVersion(secondId);
    expect(contentOf(second.docs.shared!, 'shared')).toEqual(now.shared);
    expect(contentOf(second.docs.clinical!, 'clinical')).toEqual(now.clinical);

    const list = await getJson<VersionSummary[]>(server.url, path, gpCookie);
    expect(list.map((v) => v.id)).toEqual([secondId, first.id]);
    for (const field of ['id', 'label', 'signedBy', 'meetingId', 'createdAt']) {
      for (const version of list) expect(version).toHaveProperty(field);
    }
    expect(list[0]).toMatchObject({ label: 'Reviewed outside the MDT', meetingId: null });
    expect(list[1]).toMatchObject({ label: 'Agreed at the MDT', meetingId });
    expect(new Date(list[0]!.createdAt).getTime()).toBeGreaterThanOrEqual(
      new Date(list[1]!.createdAt).getTime(),
    );

    // A partner may read the versions, but only the shared document of each.
    const partnerList = await getJson<VersionSummary[]>(server.url, path, partnerCookie);
    expect(partnerList.map((v) => v.id)).toEqual([secondId, first.id]);
    const partnerRes = await get(server.url, `${path}/${first.id}`, partnerCookie);
    expect(partnerRes.status).toBe(200);
    const partnerText = await partnerRes.text();
    const partnerVersion = JSON.parse(partnerText) as VersionDetail;
    expect(partnerVersion.documents.map((d) => d.name)).toEqual([sharedPlanDocument(planId)]);
    expect(partnerText).not.toContain(clinicalPlanDocument(planId));
    const partnerDocs = versionDocs(planId, partnerVersion);
    expect(contentOf(partnerDocs.shared!, 'shared')).toEqual(atSignOff.shared);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addGoal,
  addMedication,
  appendParagraphs,
  clinicalPlanDocument,
  readGoals,
  readMedications,
  sharedPlanDocument,
  updateGoal,
  whatMattersToMe,
} from '@careweave/shared';
import { changesOf, me, send, sleep, type Me } from './support/api.js';
import { connect, listPeople, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { call, contentOf, signOffPlan } from './support/meetings.js';
import { startServer, type TestServer } from './support/server.js';

describe(`restoring a signed-off version (${databaseBackend})`, () => {
  let server: TestServer;
  const cookies: Record<'gp' | 'nurse' | 'navigator', string> = {} as never;
  const users: Record<'gp' | 'nurse' | 'navigator', Me> = {} as never;

  beforeAll(async () => {
    server = await startServer();
    for (const who of ['gp', 'nurse', 'navigator'] as const) {
      cookies[who] = await login(server.url, `${who}@demo.test`);
      users[who] = await me(server.url, cookies[who]);
    }
  });

  /**
   * Signs a plan off after the GP's edits, then lets the navigator and the GP edit it again;
   * returns the version, the content at sign-off, and live clients of both documents.
   */
  async function signedThenEdited(planId: string) {
    const stamp = Date.now();
    const shared = connect(server.wsUrl, sharedPlanDocument(planId), cookies.gp);
    const clinical = connect(server.wsUrl, clinicalPlanDocument(planId), cookies.gp);
    const navShared = connect(server.wsUrl, sharedPlanDocument(planId), cookies.navigator);
    await Promise.all([synced(shared), synced(clinical), synced(navShared)]);
    appendParagraphs(whatMattersToMe(shared.doc), [`As agreed ${stamp}`]);
    const goal = addGoal(
      shared.doc,
      { text: `Agreed goal ${stamp}`, horizon: 'month', category: 'wellbeing' },
      users.gp.id,
    );
    addMedication(
      clinical.doc,
      { name: `Agreed medicine ${stamp}`, dose: '1 mg', frequency: 'daily' },
      users.gp.id,
    );
    await waitFor(() => readGoals(navShared.doc).some((g) => g.id === goal), 'the agreed goal');
    // The clinical edit has reached the server once the GP's second client can see it.
    const check = connect(server.wsUrl, clinicalPlanDocument(planId), cookies.nurse);
    await synced(check);
    await waitFor(
      () => readMedications(check.doc).some((m) => m.name === `Agreed medicine ${stamp}`),
      'the agreed medicine on the server',
    );
    const agreed = {
      shared: contentOf(shared.doc, 'shared'),
      clinical: contentOf(clinical.doc, 'clinical'),
    };
    const versionId = await signOffPlan(server.url, cookies.gp, planId, `Agreed ${stamp}`);

    await sleep(50);
    const edited = new Date();
    await sleep(50);
    updateGoal(navShared.doc, goal, { text: `Changed after sign-off ${stamp}` });
    appendParagraphs(whatMattersToMe(navShared.doc), [`Added after sign-off ${stamp}`]);
    addMedication(
      clinical.doc,
      { name: `Later medicine ${stamp}`, dose: '2 mg', frequency: 'daily' },
      users.gp.id,
    );
    await waitFor(
      () =>
        readGoals(shared.doc).find((g) => g.id === goal)?.text ===
          `Changed after sign-off ${stamp}` &&
        readMedications(check.doc).some((m) => m.name === `Later medicine ${stamp}`),
      'the later edits to reach everyone',
    );
    expect(contentOf(shared.doc, 'shared')).not.toEqual(agreed.shared);
    return { versionId, agreed, edited, shared, clinical: check };
  }

  it('brings the signed-off content back live, as a new change by the nurse who restored it', async () => {
    const [, person] = await listPeople(server.url, cookies.gp);
    const { planId } = person!;
    const { versionId, agreed, edited, shared, clinical } = await signedThenEdited(planId);
    const vectorBefore = Y.encodeStateVector(shared.doc);

    await sleep(50);
    const since = new Date();
    await sleep(50);
    await call(
      server.url,
      'POST',
      `/api/plans/${planId}/versions/${versionId}/restore`,
      cookies.nurse,
    );

    await waitFor(
      () =>
        JSON.stringify(contentOf(shared.doc, 'shared')) === JSON.stringify(agreed.shared) &&
        JSON.stringify(contentOf(clinical.doc, 'clinical')) === JSON.stringify(agreed.clinical),
      'the connected clients to see the signed-off content again',
    );
    expect(contentOf(shared.doc, 'shared')).toEqual(agreed.shared);
    expect(contentOf(clinical.doc, 'clinical')).toEqual(agreed.clinical);
    // A new change on top, not history rewritten: the document only moved forward.
    expect(Y.encodeStateVector(shared.doc)).not.toEqual(vectorBefore);

    const nurse = { id: users.nurse.id, name: users.nurse.name };
    await waitFor(async () => {
      const { changes } = await changesOf(server.url, cookies.gp, planId, since);
      return (
        changes.some((c) => c.document === 'shared') &&
        changes.some((c) => c.document === 'clinical')
      );
    }, 'the restore to be in the history');
    const { changes } = await changesOf(server.url, cookies.gp, planId, since);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change.authors).toEqual([nurse]);
    // The navigator's edits after sign-off are still in the history.
    const earlier = await changesOf(server.url, cookies.gp, planId, edited);
    expect(earlier.changes.some((c) => c.authors.some((a) => a.id === users.navigator.id))).toBe(
      true,
    );
  });

  it('restores only the shared document for a navigator, who may not write the clinical one', async () => {
    const [, , person] = await listPeople(server.url, cookies.gp);
    const { planId } = person!;
    const { versionId, agreed, shared, clinical } = await signedThenEdited(planId);
    const clinicalNow = contentOf(clinical.doc, 'clinical');
    expect(clinicalNow).not.toEqual(agreed.clinical);

    await call(
      server.url,
      'POST',
      `/api/plans/${planId}/versions/${versionId}/restore`,
      cookies.navigator,
    );
    await waitFor(
      () => JSON.stringify(contentOf(shared.doc, 'shared')) === JSON.stringify(agreed.shared),
      'the shared document to be restored',
    );
    await sleep(500);
    expect(contentOf(clinical.doc, 'clinical')).toEqual(clinicalNow);
  });

  it('refuses a restore by a voluntary partner, who may write the shared plan', async () => {
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const [person] = await listPeople(server.url, partnerCookie);
    const { planId } = person!;
    const { versionId, agreed, shared } = await signedThenEdited(planId);
    const sharedNow = contentOf(shared.doc, 'shared');
    expect(sharedNow).not.toEqual(agreed.shared);

    const refused = await send(
      server.url,
      'POST',
      `/api/plans/${planId}/versions/${versionId}/restore`,
      partnerCookie,
      {},
    );
    expect(refused.status).toBe(403);
    await sleep(500);
    expect(contentOf(shared.doc, 'shared')).toEqual(sharedNow);
  });
});

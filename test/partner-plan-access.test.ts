import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAction,
  addMedication,
  appendParagraphs,
  ClinicalPlan,
  clinicalPlanDocument,
  CloseCode,
  readMedications,
  sharedPlanDocument,
} from '@careweave/shared';
import { changesOf, getJson, me, type MyAction, type PlanView } from './support/api.js';
import {
  closeCodeOf,
  connect,
  get,
  listPeople,
  login,
  openRaw,
  synced,
  waitFor,
  type PersonSummary,
} from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

// The partner's 4403 on a consented person's clinical document, and the GP-versus-partner
// document lists, are in collab-auth.test.ts and auth.test.ts. This file checks that no
// other door lets clinical content, or an unconsented person, through.

describe(`what a voluntary partner never receives (${databaseBackend})`, () => {
  let server: TestServer;
  let gpCookie: string;
  let partnerCookie: string;
  let consented: PersonSummary;
  let notConsented: PersonSummary;

  beforeAll(async () => {
    server = await startServer();
    gpCookie = await login(server.url, 'gp@demo.test');
    partnerCookie = await login(server.url, 'partner@demo.test');
    const everyone = await listPeople(server.url, gpCookie);
    const partnerSees = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    consented = everyone.find((p) => partnerSees.has(p.id))!;
    notConsented = everyone.find((p) => !partnerSees.has(p.id))!;
    expect(consented).toBeDefined();
    expect(notConsented).toBeDefined();
  });

  it('keeps clinical text the GP wrote out of every plan answer the partner gets', async () => {
    const { planId } = consented;
    const medicine = `Clinical-only medicine ${Date.now()}`;
    const summary = `Clinical-only summary ${Date.now()}`;
    const gpId = (await me(server.url, gpCookie)).id;
    const gp = connect(server.wsUrl, clinicalPlanDocument(planId), gpCookie);
    await synced(gp);
    addMedication(gp.doc, { name: medicine, dose: '10 mg', frequency: 'daily' }, gpId);
    appendParagraphs(gp.doc.getXmlFragment(ClinicalPlan.clinicalSummary), [summary]);

    // The control: the GP's history shows the clinical edit once it is logged.
    await waitFor(async () => {
      const { changes } = await changesOf(server.url, gpCookie, planId);
      return changes.some((c) => c.document === 'clinical' && c.label === medicine);
    }, 'the GP to see the clinical change in the history');
    expect(readMedications(gp.doc).some((m) => m.name === medicine)).toBe(true);

    const plan = await get(server.url, `/api/plans/${planId}`, partnerCookie);
    expect(plan.status).toBe(200);
    const planText = await plan.text();
    const view = JSON.parse(planText) as PlanView;
    expect(view.documents.map((d) => d.kind)).toEqual(['shared']);
    expect(planText).not.toContain(clinicalPlanDocument(planId));

    const changes = await get(server.url, `/api/plans/${planId}/changes`, partnerCookie);
    expect(changes.status).toBe(200);
    const changesText = await changes.text();
    expect(changesText).not.toContain(medicine);
    expect(changesText).not.toContain(summary);
    const { changes: entries } = JSON.parse(changesText) as { changes: { document: string }[] };
    expect(entries.every((c) => c.document === 'shared')).toBe(true);
  });

  it('gives the partner nothing of a plan whose person has not consented', async () => {
    const { id, planId } = notConsented;
    expect((await get(server.url, `/api/plans/${planId}`, partnerCookie)).status).toBe(404);
    expect((await get(server.url, `/api/people/${id}`, partnerCookie)).status).toBe(404);
    expect((await get(server.url, `/api/plans/${planId}/changes`, partnerCookie)).status).toBe(404);
    const people = await listPeople(server.url, partnerCookie);
    expect(people.map((p) => p.id)).not.toContain(id);
    expect(JSON.stringify(people)).not.toContain(notConsented.nhsNumber);

    for (const docName of [sharedPlanDocument(planId), clinicalPlanDocument(planId)]) {
      const socket = openRaw(server.wsUrl, docName, { cookie: partnerCookie });
      expect((await closeCodeOf(socket)).code, docName).toBe(CloseCode.Forbidden);
    }
    // The control: the same requests succeed for the GP.
    expect((await get(server.url, `/api/plans/${planId}`, gpCookie)).status).toBe(200);
    expect((await get(server.url, `/api/people/${id}`, gpCookie)).status).toBe(200);
  });

  it('leaves an action the partner owns on an unconsented plan out of their actions', async () => {
    const { planId } = notConsented;
    const partnerId = (await me(server.url, partnerCookie)).id;
    const gpId = (await me(server.url, gpCookie)).id;
    const text = `Owned by the partner, hidden ${Date.now()}`;
    const gp = connect(server.wsUrl, sharedPlanDocument(planId), gpCookie);
    await synced(gp);
    const before = await getJson<PlanView>(server.url, `/api/plans/${planId}`, gpCookie);
    addAction(gp.doc, { text, ownerId: partnerId, dueDate: '2099-01-01' }, gpId);

    // Projected: the GP's header counts it.
    await waitFor(async () => {
      const plan = await getJson<PlanView>(server.url, `/api/plans/${planId}`, gpCookie);
      return plan.actions.open === before.actions.open + 1;
    }, 'the action to be projected');

    const mine = await getJson<MyAction[]>(server.url, '/api/me/actions', partnerCookie);
    expect(mine.some((a) => a.planId === planId)).toBe(false);
    expect(JSON.stringify(mine)).not.toContain(text);
  });

  it('leads a person’s own address to their plan, only for those who may see it', async () => {
    const visit = (cookie: string, personId: string) =>
      fetch(`${server.url}/people/${personId}`, { headers: { cookie }, redirect: 'manual' });
    const gp = await visit(gpCookie, notConsented.id);
    expect(gp.status).toBe(303);
    expect(gp.headers.get('location')).toBe(`/plans/${notConsented.planId}`);
    expect((await visit(partnerCookie, consented.id)).headers.get('location')).toBe(
      `/plans/${consented.planId}`,
    );
    // The partner is not told that the unconsented person exists.
    expect((await visit(partnerCookie, notConsented.id)).status).toBe(404);
    expect((await visit(gpCookie, 'not-a-person')).status).toBe(404);
  });
});

import { readFile } from 'node:fs/promises';
import { addGoal, NHS_NUMBER_SYSTEM, sharedPlanDocument, type FhirBundle } from '@careweave/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, get, listPeople, login, synced } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

type Fields = Record<string, unknown>;
const ofType = (bundle: FhirBundle, type: string) =>
  bundle.entry.map((e) => e.resource as unknown as Fields).filter((r) => r.resourceType === type);

describe(`a plan taken out of Careweave (${databaseBackend})`, () => {
  let server: TestServer;
  let margaret: { id: string; planId: string; name: string; nhsNumber: string };

  beforeAll(async () => {
    server = await startServer();
    const cookie = await login(server.url, 'nurse@demo.test');
    margaret = (await listPeople(server.url, cookie)).find((p) => p.name === 'Margaret Ellison')!;
  });

  /** Adds a goal to Margaret's plan as the navigator, through the live document alone. */
  async function addLiveGoal(text: string) {
    const navigator = await login(server.url, 'navigator@demo.test');
    const live = connect(server.wsUrl, sharedPlanDocument(margaret.planId), navigator);
    await synced(live);
    live.doc.transact(() =>
      addGoal(live.doc, { text, horizon: 'week', category: 'wellbeing' }, 'navigator'),
    );
  }

  describe("as the person's own copy", () => {
    it('gives their care team a printable copy of the plan as it stands, without the team’s notes', async () => {
      // A goal added a moment ago, still only in the live document, is in the copy.
      await addLiveGoal('This week I want to phone my sister.');

      const page = await signIn(await launchBrowser(), server, 'nurse@demo.test');
      await openPlan(page, margaret.planId);
      await page
        .getByRole('link', { name: 'Print their copy of the plan, for Margaret Ellison' })
        .click();
      await page.waitForURL(`**/plans/${margaret.planId}/copy`, { timeout: STEP_MS });
      await page.getByRole('heading', { name: 'My care and wellbeing plan' }).waitFor();
      const copy = page.locator('article');
      const text = await copy.innerText();

      expect(text).toContain('Margaret Ellison');
      expect(text).toContain('This week I want to phone my sister.');
      expect(text).toContain('In a month I want to be walking to the shops on my own.');
      expect(text).toContain('my latest progress rating: 6 out of 10');
      expect(text).toContain('Scared of falling again since the fall in March');
      expect(text).toContain(
        'How: Strength and balance sessions; walk the route with a volunteer first',
      );
      const row = copy
        .getByRole('row')
        .filter({ hasText: 'Book a strength and balance assessment with the physio' });
      expect(await row.getByRole('cell').nth(1).innerText()).toBe('Sam Whitfield');
      expect(text).toContain('Introduce Margaret to Tame Valley Peer Support\u00a0(done)');
      expect(text).toContain('Tuesday walking and talking group, Tame Valley Peer Support');
      // The team's own notes and the clinical record stay with the team.
      expect(text).not.toContain('Met Margaret at home with her daughter');
      expect(text).not.toContain('Thursday coffee morning');
      expect(text).not.toContain('Hypertension');

      // Printed, it is the copy alone: no site header, no buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Back to the plan' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);
      expect(await copy.isVisible()).toBe(true);

      // And the administrator can see who printed it.
      const admin = await login(server.url, 'admin@demo.test');
      const { entries } = await getJson<{ entries: { action: string; by: { name: string } }[] }>(
        server.url,
        `/api/audit?planId=${margaret.planId}`,
        admin,
      );
      expect(entries[0]).toMatchObject({ action: 'plan.export', by: { name: 'Sam Whitfield' } });
    });

    it('is for the care team: a partner is told so, and is offered no copy', async () => {
      const partner = await signIn(await launchBrowser(), server, 'partner@demo.test');
      await openPlan(partner, margaret.planId);
      expect(await partner.getByRole('link', { name: /Print their copy/ }).count()).toBe(0);
      const answer = await get(
        server.url,
        `/plans/${margaret.planId}/copy`,
        await login(server.url, 'partner@demo.test'),
      );
      expect(answer.status).toBe(403);
      expect(await answer.text()).toContain(
        'The person’s copy of their plan is given to them by their care team.',
      );
    });
  });

  describe('as FHIR', () => {
    it('downloads the plan as it stands as a FHIR R4 Bundle, audited', async () => {
      // A goal added a moment ago, still only in the live document, is exported.
      await addLiveGoal('Phone my sister on Sundays');

      const page = await signIn(await launchBrowser(), server, 'nurse@demo.test');
      await openPlan(page, margaret.planId);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /^Export as FHIR \(Margaret Ellison’s plan/ }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`care-plan-${margaret.planId}.fhir.json`);
      const bundle = JSON.parse(await readFile((await download.path())!, 'utf8')) as FhirBundle;

      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      const [patient] = ofType(bundle, 'Patient');
      expect(patient!.identifier).toEqual([
        { system: NHS_NUMBER_SYSTEM, value: margaret.nhsNumber },
      ]);
      const [plan] = ofType(bundle, 'CarePlan');
      expect(plan).toMatchObject({ id: margaret.planId, intent: 'plan', status: 'active' });
      const goals = ofType(bundle, 'Goal').map((g) => (g.description as { text: string }).text);
      expect(goals).toContain('Phone my sister on Sundays');
      expect(goals).toContain('In a month I want to be walking to the shops on my own.');
      const task = ofType(bundle, 'Task').find(
        (t) => t.description === 'Book a strength and balance assessment with the physio',
      );
      expect(task?.owner).toMatchObject({ display: 'Sam Whitfield' });
      expect(ofType(bundle, 'ServiceRequest').length).toBeGreaterThan(0);
      expect(ofType(bundle, 'QuestionnaireResponse').length).toBeGreaterThan(0);
      // Every reference resolves inside the Bundle.
      const held = new Set(bundle.entry.map((e) => e.fullUrl));
      const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
      expect(refs.length).toBeGreaterThan(10);
      for (const r of refs) expect(held.has(r.slice('"reference":"'.length, -1)), r).toBe(true);
      // The team's clinical record is not part of it.
      expect(JSON.stringify(bundle)).not.toContain('Hypertension');

      const admin = await login(server.url, 'admin@demo.test');
      const { entries } = await getJson<{
        entries: { action: string; by: { name: string }; detail: Fields }[];
      }>(server.url, `/api/audit?planId=${margaret.planId}`, admin);
      expect(entries[0]).toMatchObject({
        action: 'plan.export',
        by: { name: 'Sam Whitfield' },
        detail: { format: 'fhir' },
      });
    });

    it('is for the care team: a partner is refused, and a plan that is not there is not found', async () => {
      const partner = await signIn(await launchBrowser(), server, 'partner@demo.test');
      await openPlan(partner, margaret.planId);
      expect(await partner.getByRole('link', { name: /Export as FHIR/ }).count()).toBe(0);
      const partnerCookie = await login(server.url, 'partner@demo.test');
      const refused = await get(server.url, `/api/plans/${margaret.planId}/fhir`, partnerCookie);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('Only the person’s care team may export their plan.');

      const nurse = await login(server.url, 'nurse@demo.test');
      for (const planId of ['not-a-plan', '00000000-0000-4000-8000-000000000000']) {
        expect((await get(server.url, `/api/plans/${planId}/fhir`, nurse)).status).toBe(404);
      }
    });
  });
});

import { addGoal, sharedPlanDocument } from '@careweave/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, get, listPeople, login, synced } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the person's own copy of their plan (${databaseBackend})`, () => {
  let server: TestServer;
  let margaret: { id: string; planId: string; name: string };

  beforeAll(async () => {
    server = await startServer();
    const cookie = await login(server.url, 'nurse@demo.test');
    margaret = (await listPeople(server.url, cookie)).find((p) => p.name === 'Margaret Ellison')!;
  });

  it('gives their care team a printable copy of the plan as it stands, without the team’s notes', async () => {
    // A goal added a moment ago, still only in the live document, is in the copy.
    const navigator = await login(server.url, 'navigator@demo.test');
    const live = connect(server.wsUrl, sharedPlanDocument(margaret.planId), navigator);
    await synced(live);
    live.doc.transact(() =>
      addGoal(
        live.doc,
        { text: 'This week I want to phone my sister.', horizon: 'week', category: 'wellbeing' },
        'navigator',
      ),
    );

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

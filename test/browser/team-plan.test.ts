import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMedication, clinicalPlanDocument, readMedications } from '@careweave/shared';
import { me } from '../support/api.js';
import {
  chooseOptionContaining,
  launchBrowser,
  openPlan,
  sectionOf,
  signIn,
  STEP_MS,
} from '../support/browser.js';
import { connect, listPeople, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

/** Every WebSocket URL the page opens, decoded, so the test can say which documents it asked for. */
function socketsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on('websocket', (ws) => urls.push(decodeURIComponent(ws.url())));
  return urls;
}

describe(`the team working on one plan in the browser (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('shows the GP the navigator’s goal and action live, the nurse her action, the partner no clinical record', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const [gpMe, nurseMe] = await Promise.all([
      me(server.url, gpCookie),
      me(server.url, await login(server.url, 'nurse@demo.test')),
    ]);
    // Someone who consented, so the partner may open the plan too.
    const person = (await listPeople(server.url, partnerCookie))[0]!;
    const stamp = Date.now();
    const goalText = `Walk to the library by spring ${stamp}`;
    const actionText = `Book a foot check ${stamp}`;
    const medicine = `Clinical-only medicine ${stamp}`;

    // Clinical content the GP can see and the partner must not.
    const clinical = connect(server.wsUrl, clinicalPlanDocument(person.planId), gpCookie);
    await synced(clinical);
    addMedication(clinical.doc, { name: medicine, dose: '20 mg', frequency: 'daily' }, gpMe.id);
    await waitFor(() => readMedications(clinical.doc).some((m) => m.name === medicine), 'medicine');

    const gp = await signIn(browser, server, 'gp@demo.test');
    await openPlan(gp, person.planId);
    const gpClinical = gp.getByRole('region', { name: 'Clinical record' });
    await gpClinical.getByText(medicine).first().waitFor({ timeout: STEP_MS });

    const navigator = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(navigator, person.planId);

    // The navigator adds a goal…
    const goalForm = sectionOf(navigator, 'Aspirations and goals').locator('form', {
      has: navigator.getByRole('button', { name: 'Add goal', exact: true }),
    });
    await goalForm.getByLabel("Goal, in the person's words").fill(goalText);
    await chooseOptionContaining(goalForm.getByLabel('Horizon'), 'month');
    await chooseOptionContaining(goalForm.getByLabel('Category'), 'physical');
    await goalForm.getByRole('button', { name: 'Add goal', exact: true }).click();

    // …and an action owned by the nurse, already overdue.
    const actionForm = sectionOf(navigator, 'Actions').locator('form', {
      has: navigator.getByRole('button', { name: 'Add action', exact: true }),
    });
    await actionForm.getByLabel('Action', { exact: true }).fill(actionText);
    await chooseOptionContaining(actionForm.getByLabel('Owner', { exact: true }), nurseMe.name);
    await actionForm.getByLabel('Due date').fill('2024-01-15');
    await actionForm.getByRole('button', { name: 'Add action', exact: true }).click();
    // The form starts again for the next action, owner and all.
    await expect.poll(() => actionForm.getByLabel('Owner', { exact: true }).inputValue()).toBe('');

    // The GP sees both appear without reloading.
    await gp
      .getByRole('list', { name: 'Goals' })
      .getByRole('listitem')
      .filter({ hasText: goalText })
      .waitFor({ timeout: STEP_MS });
    const gpAction = gp
      .getByRole('list', { name: 'Actions' })
      .getByRole('listitem')
      .filter({ hasText: actionText });
    await gpAction.waitFor({ timeout: STEP_MS });
    expect(await gpAction.innerText()).toContain(nurseMe.name);
    await gp
      .getByTestId('action-counts')
      .filter({ hasText: /[1-9]\d* overdue/ })
      .waitFor({ timeout: STEP_MS });

    // The nurse finds it on My actions, overdue, linking to the person's plan.
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    await nurse.goto('/');
    await nurse.getByRole('link', { name: 'My actions' }).click();
    await nurse.getByRole('heading', { name: 'My actions' }).waitFor({ timeout: STEP_MS });
    // The projection is throttled: reload until it is there.
    const row = nurse.getByRole('row').filter({ hasText: actionText });
    await waitFor(
      async () => {
        if ((await row.count()) > 0) return true;
        await nurse.reload();
        return false;
      },
      'the action to reach My actions',
      STEP_MS,
    );
    expect(await row.innerText()).toContain('Overdue');
    const link = row.getByRole('link', { name: person.name });
    expect(await link.getAttribute('href')).toContain(`/plans/${person.planId}`);

    // The partner's page has the goal but no clinical record, and never asks for it.
    const partner = await signIn(browser, server, 'partner@demo.test');
    const sockets = socketsOf(partner);
    await openPlan(partner, person.planId);
    await partner
      .getByRole('list', { name: 'Goals' })
      .getByRole('listitem')
      .filter({ hasText: goalText })
      .waitFor({ timeout: STEP_MS });
    expect(await partner.locator('[aria-label="Clinical record"]').count()).toBe(0);
    expect(await partner.getByRole('region', { name: 'Clinical record' }).count()).toBe(0);
    const html = await partner.content();
    expect(html).not.toContain(medicine);
    const clinicalLines = (await gpClinical.innerText())
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 25);
    expect(clinicalLines.length).toBeGreaterThan(0);
    const partnerText = await partner.locator('body').innerText();
    for (const line of clinicalLines) expect(partnerText).not.toContain(line);
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.filter((url) => url.includes(':clinical'))).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// A count's list must say whose actions, or which service's referrals, it holds: its rows
// name the person and the action, never the owner, and a service only beside each reason.

describe(`the list behind a dashboard count (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('is headed with the owner of the overdue actions, or the service referred to', async () => {
    const browser = await launchBrowser();
    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/dashboard', { waitUntil: 'networkidle' });
    // The seed gives the practice nurse, Sam Whitfield, an overdue action.
    await sectionOf(gp, 'Overdue actions by owner')
      .getByRole('link', { name: /list for Sam Whitfield/ })
      .first()
      .click();
    await expect
      .poll(() => gp.getByRole('heading', { level: 1 }).innerText(), { timeout: STEP_MS })
      .toBe('Overdue actions of Sam Whitfield');

    await gp.goto('/dashboard', { waitUntil: 'networkidle' });
    await sectionOf(gp, 'Referrals by service and status')
      .getByRole('link', { name: /list for Housing advice drop-in: declined/ })
      .first()
      .click();
    await expect
      .poll(() => gp.getByRole('heading', { level: 1 }).innerText(), { timeout: STEP_MS })
      .toBe('Referrals to Housing advice drop-in that are declined');
  });

  it('is headed as unowned for the overdue actions nobody who sees the plan owns', async () => {
    const browser = await launchBrowser();
    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/dashboard/list?figure=overdue-actions&key=none', { waitUntil: 'networkidle' });
    expect(await gp.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Overdue actions with no owner',
    );
  });

  it('links each overdue action to itself in its plan', async () => {
    const browser = await launchBrowser();
    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/dashboard', { waitUntil: 'networkidle' });
    await sectionOf(gp, 'Overdue actions by owner')
      .getByRole('link', { name: /list for Sam Whitfield/ })
      .first()
      .click();
    const text = 'Book a strength and balance assessment with the physio';
    const link = gp.getByRole('link', { name: new RegExp(text) });
    const anchor = (await link.getAttribute('href'))!.split('#')[1]!;
    expect(anchor).toMatch(/^item-/);
    await link.click();
    await gp.waitForFunction(
      `document.activeElement && document.activeElement.id === ${JSON.stringify(anchor)}`,
      undefined,
      { timeout: STEP_MS },
    );
    expect(await gp.locator(`[id="${anchor}"]`).innerText()).toContain(text);
  });
});

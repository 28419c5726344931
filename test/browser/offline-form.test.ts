import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'What matters to me' });
const statusOf = (page: Page) => page.getByTestId('connection-status').first();

describe(`sending a plan page's form while the network is cut (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('keeps the page, the form and the unsent plan edits, and says plainly it was not sent', async () => {
    const browser = await launchBrowser();
    const [person] = await listPeople(server.url, await login(server.url, 'gp@demo.test'));
    const gp = await signIn(browser, server, 'gp@demo.test');
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    for (const page of [gp, nurse]) await openPlan(page, person!.planId);

    await gp.context().setOffline(true);
    const words = ` Written with the network cut ${Date.now()}.`;
    await editorOf(gp).click();
    await gp.keyboard.press('Control+End');
    await gp.keyboard.type(words);
    await statusOf(gp).filter({ hasText: 'not saved yet' }).waitFor({ timeout: 10_000 });

    await gp.locator('#referral-service').selectOption({ index: 1 });
    const reason = 'Wants company on walks after the fall';
    await gp.getByLabel('Reason').fill(reason);
    await gp.getByRole('button', { name: 'Send referral' }).click();
    await gp
      .getByRole('alert')
      .filter({ hasText: 'This was not sent because Careweave could not be reached' })
      .waitFor({ timeout: STEP_MS });
    expect(await gp.title()).toContain(person!.name);
    expect(await gp.getByLabel('Reason').inputValue()).toBe(reason);

    // The edit made offline was not thrown away with the page: it still goes when the network returns.
    await gp.context().setOffline(false);
    await statusOf(gp).filter({ hasText: 'all changes saved' }).waitFor({ timeout: 45_000 });
    await editorOf(nurse).filter({ hasText: words.trim() }).waitFor({ timeout: STEP_MS });

    await gp.getByRole('button', { name: 'Send referral' }).click();
    await gp.getByRole('status').filter({ hasText: 'Referral sent' }).waitFor({ timeout: STEP_MS });
    expect(await gp.getByText('This was not sent').count()).toBe(0);
  });
});

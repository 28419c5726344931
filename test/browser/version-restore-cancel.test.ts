import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { signOffPlan } from '../support/meetings.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

// A restore that failed said why; the user chose not to try again, and the message stayed on
// screen as though something were still wrong.

const FAILED = 'The version was not restored: the plan is being changed. Try again.';

describe(`cancelling a restore that failed (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('takes the failure message away with the confirmation', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const label = `Agreed before the failed restore ${Date.now()}`;
    await signOffPlan(server.url, gpCookie, person.planId, label);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await page.route(/\/versions\/[^/]+\/restore$/, (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: FAILED }),
      }),
    );
    await openPlan(page, person.planId);
    const versions = sectionOf(page, 'Versions');
    await versions.getByRole('button', { name: `Restore this version: ${label}` }).click();
    const group = versions.getByRole('group');
    await group.getByRole('button', { name: 'Yes, restore this version' }).click();
    const problem = versions.getByRole('alert');
    await problem.getByText(FAILED).waitFor({ timeout: STEP_MS });

    await group.getByRole('button', { name: 'Cancel' }).click();
    await versions
      .getByRole('button', { name: `Restore this version: ${label}` })
      .waitFor({ timeout: STEP_MS });
    expect(await problem.count()).toBe(0);
    expect(await versions.innerText()).not.toContain(FAILED);
  });
});

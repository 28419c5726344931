import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { signOffPlan } from '../support/meetings.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`restoring a version while the network is cut (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says in plain words that Careweave could not be reached, and restores once it can', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const label = `Agreed at the offline MDT ${Date.now()}`;
    await signOffPlan(server.url, gpCookie, person.planId, label);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    const versions = sectionOf(page, 'Versions');
    await versions.getByRole('button', { name: /^Restore this version/ }).click();
    const confirm = versions.getByRole('group');
    await confirm.getByText('Nothing you can restore has changed').waitFor({ timeout: STEP_MS });

    await page.context().setOffline(true);
    await confirm.getByRole('button', { name: 'Yes, restore this version' }).click();
    const problem = versions.getByRole('alert');
    await problem.waitFor({ timeout: STEP_MS });
    expect(await problem.innerText()).toBe(
      'Careweave could not be reached. Check your connection, then try again.',
    );

    await page.context().setOffline(false);
    await confirm.getByRole('button', { name: 'Yes, restore this version' }).click();
    await versions.getByRole('status').getByText(`Restored “${label}”`).waitFor({
      timeout: STEP_MS,
    });
    expect(await versions.getByRole('alert').count()).toBe(0);
  });
});

import { beforeAll, describe, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

// A nurse adding someone already in Careweave was told to find them under People, and had to
// leave the form and search for them by hand.

describe(`"Add a person" with an NHS number already known (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('links to the plan of the person who has it', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const existing = await addPerson(server.url, navCookie, 'Prevention');
    const { nhsNumber } = (await listPeople(server.url, navCookie)).find(
      (p) => p.id === existing.id,
    )!;
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await page.goto('/people/new', { waitUntil: 'networkidle' });
    await page.getByLabel('NHS number').fill(nhsNumber);
    await page.getByLabel('Given name').fill('Same');
    await page.getByLabel('Family name').fill('Person');
    await page.getByLabel('Date of birth').fill('1950-03-04');
    await page.getByLabel('Pathway').selectOption('Prevention');
    await page.getByRole('button', { name: 'Add person' }).click();

    const link = page.getByRole('link', { name: `Open ${existing.name}’s plan` });
    await link.waitFor({ timeout: STEP_MS });
    await link.click();
    await page.waitForURL(`**/plans/${existing.planId}`, { timeout: STEP_MS });
  });
});

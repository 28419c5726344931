import { beforeAll, describe, expect, it } from 'vitest';
import { clinicalPlanDocument, readMedications } from '@careweave/shared';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const focusedId = 'document.activeElement ? document.activeElement.id : null';

describe(`adding a medication from the keyboard (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says which medicine was added and leaves the focus ready for the next', async () => {
    const cookie = await login(server.url, 'pharmacist@demo.test');
    const person = await addPerson(server.url, cookie, 'Recovery');
    const watcher = connect(server.wsUrl, clinicalPlanDocument(person.planId), cookie);
    await synced(watcher);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'pharmacist@demo.test');
    await openPlan(page, person.planId);

    await page.locator('#new-medication-name').focus();
    await page.keyboard.type('Sertraline');
    await page.keyboard.press('Tab');
    await page.keyboard.type('50 mg');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Once a day');
    await page.keyboard.press('Enter');
    await waitFor(() => readMedications(watcher.doc).length === 1, 'the medicine to arrive');
    await page
      .getByRole('status')
      .filter({ hasText: 'Medication added: Sertraline' })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    expect(await page.evaluate(focusedId)).toBe('new-medication-name');
  });
});

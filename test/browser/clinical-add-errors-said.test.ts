import { beforeAll, describe, expect, it } from 'vitest';
import { clinicalPlanDocument, readConditions, readMedications } from '@careweave/shared';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`adding a condition or medicine with nothing typed (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('reads the error out when Enter is pressed in the field, and marks the field', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const person = await addPerson(server.url, cookie, 'Recovery');
    const watcher = connect(server.wsUrl, clinicalPlanDocument(person.planId), cookie);
    await synced(watcher);
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'gp@demo.test');
    await openPlan(page, person.planId);

    // The focus is already in the field, so only an alert makes the error heard.
    await page.locator('#new-condition-name').press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Enter the condition' })
      .waitFor({ timeout: STEP_MS });
    expect(await page.locator('#new-condition-name').getAttribute('class')).toMatch(
      /\binput-error\b/,
    );

    await page.locator('#new-medication-name').press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Enter the medicine' })
      .waitFor({ timeout: STEP_MS });
    expect(readConditions(watcher.doc)).toHaveLength(0);
    expect(readMedications(watcher.doc)).toHaveLength(0);
  });
});

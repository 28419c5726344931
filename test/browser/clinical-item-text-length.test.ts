import { beforeAll, describe, expect, it } from 'vitest';
import {
  addCondition,
  clinicalPlanDocument,
  ITEM_TEXT_MAX,
  readConditions,
  readMedications,
} from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const tooLong = 'Reviewed in the diabetes clinic; feet checked. '.repeat(15).trim();

describe(`a long-term condition's or medicine's text (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('is refused past the limit with a message, and what was typed stays in the box', async () => {
    expect(tooLong.length).toBeGreaterThan(ITEM_TEXT_MAX);
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const person = await addPerson(server.url, nurseCookie, 'Recovery');
    const watcher = connect(server.wsUrl, clinicalPlanDocument(person.planId), nurseCookie);
    await synced(watcher);
    const nurse = await me(server.url, nurseCookie);
    addCondition(watcher.doc, { name: 'Type 2 diabetes', diagnosed: null }, nurse.id);
    const conditionId = readConditions(watcher.doc)[0]!.id;

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await openPlan(page, person.planId);

    const notes = page.locator(`#condition-${conditionId}-notes`);
    await notes.fill(tooLong);
    await notes.press('Tab');
    await page
      .getByText(`The notes must be ${ITEM_TEXT_MAX} characters or fewer`)
      .waitFor({ timeout: STEP_MS });
    expect(await notes.inputValue()).toBe(tooLong);
    expect(await notes.getAttribute('aria-invalid')).toBe('true');

    await page.locator('#new-condition-name').fill(tooLong);
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page
      .getByText(`The condition must be ${ITEM_TEXT_MAX} characters or fewer`)
      .waitFor({ timeout: STEP_MS });
    expect(await page.locator('#new-condition-name').inputValue()).toBe(tooLong);

    await page.locator('#new-medication-name').fill(tooLong);
    await page.getByRole('button', { name: 'Add medication' }).click();
    await page
      .getByText(`The medicine must be ${ITEM_TEXT_MAX} characters or fewer`)
      .waitFor({ timeout: STEP_MS });
    expect(await page.locator('#new-medication-name').inputValue()).toBe(tooLong);

    const fits = 'Feet checked in clinic';
    await notes.fill(fits);
    await notes.press('Tab');
    await waitFor(
      () => readConditions(watcher.doc)[0]?.notes === fits,
      'the notes saved once short enough',
    );
    expect(readConditions(watcher.doc)).toHaveLength(1);
    expect(readMedications(watcher.doc)).toHaveLength(0);
  });
});

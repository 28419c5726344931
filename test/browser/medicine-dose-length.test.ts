import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMedication,
  clinicalPlanDocument,
  MEDICINE_DETAIL_MAX,
  readMedications,
} from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const tooLong = 'Two tablets in the morning with food, then one at night. '.repeat(3).trim();
const focusedId = 'document.activeElement ? document.activeElement.id : null';

describe(`a medicine's dose or frequency (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('is refused past its limit with a message at the field, and what was typed stays', async () => {
    expect(tooLong.length).toBeGreaterThan(MEDICINE_DETAIL_MAX);
    const cookie = await login(server.url, 'pharmacist@demo.test');
    const person = await addPerson(server.url, cookie, 'Recovery');
    const watcher = connect(server.wsUrl, clinicalPlanDocument(person.planId), cookie);
    await synced(watcher);
    const pharmacist = await me(server.url, cookie);
    addMedication(
      watcher.doc,
      { name: 'Metformin', dose: '500 mg', frequency: 'Twice a day' },
      pharmacist.id,
    );
    const medicationId = readMedications(watcher.doc)[0]!.id;

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'pharmacist@demo.test');
    await openPlan(page, person.planId);

    const frequency = page.locator(`#medication-${medicationId}-frequency`);
    await frequency.fill(tooLong);
    await frequency.press('Tab');
    await page
      .getByRole('alert')
      .filter({ hasText: `The frequency must be ${MEDICINE_DETAIL_MAX} characters or fewer` })
      .waitFor({ timeout: STEP_MS });
    expect(await frequency.inputValue()).toBe(tooLong);
    expect(await frequency.getAttribute('aria-invalid')).toBe('true');
    expect(readMedications(watcher.doc)[0]!.frequency).toBe('Twice a day');

    await page.locator('#new-medication-name').fill('Ramipril');
    await page.locator('#new-medication-dose').fill(tooLong);
    await page.locator('#new-medication-frequency').fill('Once a day');
    await page.getByRole('button', { name: 'Add medication' }).click();
    await page
      .getByText(`The dose must be ${MEDICINE_DETAIL_MAX} characters or fewer`)
      .waitFor({ timeout: STEP_MS });
    expect(await page.evaluate(focusedId)).toBe('new-medication-dose');
    expect(await page.locator('#new-medication-dose').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#new-medication-name').inputValue()).toBe('Ramipril');
    expect(await page.locator('#new-medication-dose').inputValue()).toBe(tooLong);
    expect(await page.locator('#new-medication-frequency').inputValue()).toBe('Once a day');

    await page.locator('#new-medication-dose').fill('2.5 mg');
    await page.getByRole('button', { name: 'Add medication' }).click();
    await frequency.fill('Twice a day with food');
    await frequency.press('Tab');
    await waitFor(
      () =>
        readMedications(watcher.doc).length === 2 &&
        readMedications(watcher.doc)[0]!.frequency === 'Twice a day with food',
      'the medicine added and the frequency saved once short enough',
    );
    expect(readMedications(watcher.doc)[1]).toMatchObject({
      name: 'Ramipril',
      dose: '2.5 mg',
      frequency: 'Once a day',
    });
    expect(await page.getByText('characters or fewer').count()).toBe(0);
  });
});

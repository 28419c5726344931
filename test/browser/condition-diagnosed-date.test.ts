import { beforeAll, describe, expect, it } from 'vitest';
import { addCondition, clinicalPlanDocument, readConditions } from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addDays, addPerson, TODAY } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the date a long-term condition was diagnosed (${databaseBackend})`, () => {
  let server: TestServer;
  let nurseCookie: string;
  beforeAll(async () => {
    server = await startServer();
    nurseCookie = await login(server.url, 'nurse@demo.test');
  });

  it('refuses a future or half-typed date, keeping what was typed, and adds it once it is right', async () => {
    const person = await addPerson(server.url, nurseCookie, 'Recovery');
    const watcher = connect(server.wsUrl, clinicalPlanDocument(person.planId), nurseCookie);
    await synced(watcher);
    const conditions = () => readConditions(watcher.doc);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await openPlan(page, person.planId);
    const name = page.locator('#new-condition-name');
    const diagnosed = page.locator('#new-condition-diagnosed');
    const add = page.getByRole('button', { name: 'Add condition' });

    await name.fill('Type 2 diabetes');
    await diagnosed.fill(addDays(TODAY, 30));
    await add.click();
    await page
      .getByText('The date diagnosed must be today or in the past')
      .waitFor({ timeout: STEP_MS });
    expect(await diagnosed.getAttribute('aria-invalid')).toBe('true');
    expect(await name.inputValue()).toBe('Type 2 diabetes');

    // Only the day and month typed: the browser reports no date at all.
    await diagnosed.fill('');
    await diagnosed.focus();
    await page.keyboard.type('0304');
    await add.click();
    await page.getByText('Enter a real date').waitFor({ timeout: STEP_MS });
    expect(await name.inputValue()).toBe('Type 2 diabetes');
    await page.waitForTimeout(300);
    expect(conditions()).toEqual([]);

    await diagnosed.fill('2019-03-04');
    await add.click();
    await waitFor(() => conditions().length === 1, 'the condition to arrive');
    expect(conditions()[0]).toMatchObject({ name: 'Type 2 diabetes', diagnosed: '2019-03-04' });
    await page.getByText('Diagnosed 4 March 2019').waitFor({ timeout: STEP_MS });
    await page
      .getByRole('status')
      .filter({ hasText: 'Condition added: Type 2 diabetes' })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    expect(await page.getByText('Enter a real date').count()).toBe(0);
  });
  it('can be given or corrected once the condition is added, but not set in the future', async () => {
    const person = await addPerson(server.url, nurseCookie, 'Recovery');
    const watcher = connect(server.wsUrl, clinicalPlanDocument(person.planId), nurseCookie);
    await synced(watcher);
    const nurse = await me(server.url, nurseCookie);
    addCondition(watcher.doc, { name: 'Heart failure' }, nurse.id);
    const condition = () => readConditions(watcher.doc)[0]!;

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await openPlan(page, person.planId);
    const diagnosed = page.getByLabel('Diagnosed of condition: Heart failure');
    await page.getByText('Date not known').waitFor({ timeout: STEP_MS });

    await diagnosed.fill('2021-06-15');
    await diagnosed.blur();
    await waitFor(() => condition().diagnosed === '2021-06-15', 'the date to be saved');
    await page.getByText('Diagnosed 15 June 2021').waitFor({ timeout: STEP_MS });

    await diagnosed.fill(addDays(TODAY, 1));
    await diagnosed.blur();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The date diagnosed must be today or in the past' })
      .waitFor({ timeout: STEP_MS });
    expect(await diagnosed.getAttribute('aria-invalid')).toBe('true');
    expect(condition().diagnosed).toBe('2021-06-15');

    await diagnosed.fill('');
    await diagnosed.blur();
    await waitFor(() => condition().diagnosed === null, 'the date to be cleared');
    await page.getByText('Date not known').waitFor({ timeout: STEP_MS });
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOptionContaining, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson, measuresOf } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const itemControl = (page: Page, n: number) => page.getByLabel(new RegExp(`^Item ${n}(?!\\d)`));

describe(`the date a wellbeing measure was taken (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('refuses a date before the person was born, says so at the field, and keeps the scores', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    // Born 9 April 1958.
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await page.goto(`/people/${person.id}/measures/new`, { waitUntil: 'networkidle' });
    await page.getByRole('radio', { name: /^SWEMWBS\b/ }).check();
    await page.getByLabel('Date taken').fill('1900-01-01');
    for (let n = 1; n <= 7; n += 1) await chooseOptionContaining(itemControl(page, n), '3');
    await page.getByRole('button', { name: 'Save scores' }).click();

    const message = `The date taken must be on or after ${person.name}’s date of birth, 9 April 1958`;
    await page.locator('#takenAt-error').getByText(message).waitFor({ timeout: STEP_MS });
    await page
      .getByRole('alert')
      .getByRole('link', { name: message })
      .waitFor({ timeout: STEP_MS });
    expect(await page.getByLabel('Date taken').inputValue()).toBe('1900-01-01');
    expect(await itemControl(page, 7).inputValue()).toBe('3');
    expect((await measuresOf(server.url, navCookie, person.id)).measures).toEqual([]);
  });
});

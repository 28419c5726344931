import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOptionContaining, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson, measuresOf } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const itemControl = (page: Page, n: number) => page.getByLabel(new RegExp(`^Item ${n}(?!\\d)`));
const itemValues = (page: Page, count: number) =>
  Promise.all(Array.from({ length: count }, (_, i) => itemControl(page, i + 1).inputValue()));

describe(`switching wellbeing instrument part-way (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('keeps the answers the two instruments share, and records the one chosen', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await page.goto(`/people/${person.id}/measures/new`, { waitUntil: 'networkidle' });
    await page.getByRole('radio', { name: /^SWEMWBS\b/ }).check();
    // SWEMWBS items 1–7 are WEMWBS items 1, 2, 3, 6, 7, 9 and 11.
    const swemwbs = ['1', '2', '3', '4', '5', '4', '3'];
    for (const [i, score] of swemwbs.entries()) {
      await chooseOptionContaining(itemControl(page, i + 1), score);
    }

    await page.getByRole('radio', { name: /^WEMWBS\b/ }).check();
    await itemControl(page, 14).waitFor({ timeout: STEP_MS });
    expect(await itemValues(page, 14)).toEqual([
      '1',
      '2',
      '3',
      '',
      '',
      '4',
      '5',
      '',
      '4',
      '',
      '3',
      '',
      '',
      '',
    ]);
    for (const n of [4, 5, 8, 10, 12, 13, 14]) {
      await chooseOptionContaining(itemControl(page, n), '2');
    }

    await page.getByRole('radio', { name: /^SWEMWBS\b/ }).check();
    await expect.poll(() => itemControl(page, 8).count(), { timeout: STEP_MS }).toBe(0);
    expect(await itemValues(page, 7)).toEqual(swemwbs);

    await page.getByRole('radio', { name: /^WEMWBS\b/ }).check();
    await itemControl(page, 14).waitFor({ timeout: STEP_MS });
    await page.getByRole('button', { name: 'Save scores' }).click();
    await page.waitForURL(`**/plans/${person.planId}**`, { timeout: STEP_MS });
    const { measures } = await measuresOf(server.url, navCookie, person.id);
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({
      instrument: 'WEMWBS',
      items: [1, 2, 3, 2, 2, 4, 5, 2, 4, 2, 3, 2, 2, 2],
    });
  });
});

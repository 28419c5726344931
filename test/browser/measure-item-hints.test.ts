import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOptionContaining, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const itemControl = (page: Page, n: number) => page.getByLabel(new RegExp(`^Item ${n}(?!\\d)`));

/** What a screen reader reads after a control's name: the text of its aria-describedby. */
async function description(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

describe(`the SWEMWBS items' WEMWBS numbers (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('are read out with each item, beside any error', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await page.goto(`/people/${person.id}/measures/new`, { waitUntil: 'networkidle' });
    await page.getByRole('radio', { name: /^SWEMWBS\b/ }).check();
    // SWEMWBS item 4 is WEMWBS item 6.
    expect(await description(page, itemControl(page, 4))).toBe('WEMWBS item 6');

    for (const n of [1, 2, 3, 5, 6, 7]) await chooseOptionContaining(itemControl(page, n), '3');
    await page.getByRole('button', { name: 'Save scores' }).click();
    await page.locator('#item-4-error').waitFor({ timeout: STEP_MS });
    expect(await description(page, itemControl(page, 4))).toBe(
      'WEMWBS item 6 Choose a score for Item 4, or choose "Item not answered"',
    );

    await page.getByRole('radio', { name: /^WEMWBS\b/ }).check();
    await itemControl(page, 14).waitFor({ timeout: STEP_MS });
    expect(await itemControl(page, 7).getAttribute('aria-describedby')).toBeNull();
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chooseOptionContaining,
  launchBrowser,
  openPlan,
  sectionOf,
  signIn,
  STEP_MS,
} from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * What has keyboard focus: its tag and text, for a message that says where it went. A string,
 * evaluated in the page, as this package's TypeScript has no DOM types.
 */
const FOCUSED = `(() => {
  const el = document.activeElement;
  return el ? el.tagName + ': ' + (el.textContent || '').replace(/\\s+/g, ' ').trim() : 'nothing';
})()`;
const focused = (page: Page) => page.evaluate<string>(FOCUSED);

describe(`sending a referral from the keyboard (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('puts focus on the referral just made, not back at the top of the page', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);

    const section = sectionOf(page, 'Referrals');
    await chooseOptionContaining(section.getByLabel('Service', { exact: true }), 'Housing advice');
    await section.getByLabel('Reason', { exact: true }).fill('Letter about rent arrears');
    await section.getByRole('button', { name: 'Send referral' }).focus();
    await page.keyboard.press('Enter');
    await section
      .getByRole('listitem')
      .filter({ hasText: 'Letter about rent arrears' })
      .waitFor({ timeout: STEP_MS });
    await expect
      .poll(() => focused(page), { timeout: STEP_MS })
      .toBe('P: Housing advice drop-in, Stockport Housing Help Sent');
  });
});

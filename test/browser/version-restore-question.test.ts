import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { signOffPlan } from '../support/meetings.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * What has keyboard focus: its tag and text, for a message that says where it went. A string,
 * evaluated in the page, as this package's TypeScript has no DOM types.
 */
const FOCUSED = `(() => {
  const el = document.activeElement;
  return el ? el.tagName + ': ' + (el.textContent || '').trim().slice(0, 80) : 'nothing';
})()`;
const focused = (page: Page) => page.evaluate<string>(FOCUSED);

// A restore that failed said why; the user chose not to try again, and the message stayed on
// screen as though something were still wrong.
const FAILED = 'The version was not restored: the plan is being changed. Try again.';

describe(`the restore question (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('keeps focus on the confirmation, then hands it back to the restore button', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const label = `Agreed at the keyboard MDT ${Date.now()}`;
    await signOffPlan(server.url, gpCookie, person.planId, label);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    const versions = sectionOf(page, 'Versions');
    const restore = versions.getByRole('button', { name: `Restore this version: ${label}` });

    await restore.focus();
    await page.keyboard.press('Enter');
    const group = versions.getByRole('group');
    await group.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: STEP_MS });
    expect(await focused(page)).toMatch(/^P: Restore “/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON: Cancel');
    await page.keyboard.press('Enter');
    await restore.waitFor({ timeout: STEP_MS });
    expect(await focused(page)).toBe('BUTTON: Restore this version');

    // Escape answers "no", as Cancel does, from the question or from its answers.
    for (const tabs of [0, 1]) {
      await page.keyboard.press('Enter');
      await group.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: STEP_MS });
      for (let i = 0; i < tabs; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await restore.waitFor({ timeout: STEP_MS });
      expect(await focused(page)).toBe('BUTTON: Restore this version');
    }

    await page.keyboard.press('Enter');
    await group.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON: Yes, restore this version');
    await page.keyboard.press('Enter');
    await versions.getByRole('status').getByText(`Restored “${label}”`).waitFor({
      timeout: STEP_MS,
    });
    await restore.waitFor({ timeout: STEP_MS });
    expect(await focused(page)).toBe('BUTTON: Restore this version');
  });

  it('takes the failure message away with the confirmation', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const label = `Agreed before the failed restore ${Date.now()}`;
    await signOffPlan(server.url, gpCookie, person.planId, label);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await page.route(/\/versions\/[^/]+\/restore$/, (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: FAILED }),
      }),
    );
    await openPlan(page, person.planId);
    const versions = sectionOf(page, 'Versions');
    await versions.getByRole('button', { name: `Restore this version: ${label}` }).click();
    const group = versions.getByRole('group');
    await group.getByRole('button', { name: 'Yes, restore this version' }).click();
    const problem = versions.getByRole('alert');
    await problem.getByText(FAILED).waitFor({ timeout: STEP_MS });

    await group.getByRole('button', { name: 'Cancel' }).click();
    await versions
      .getByRole('button', { name: `Restore this version: ${label}` })
      .waitFor({ timeout: STEP_MS });
    expect(await problem.count()).toBe(0);
    expect(await versions.innerText()).not.toContain(FAILED);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// On a clinic's shared computer, "Sign out" led to the sign-in page with nothing to say that it had
// worked, rather than a page left open on the last person who used it.

describe(`signing out (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says it is done, and then only until the next page', async () => {
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const said = page.getByRole('status').filter({ hasText: 'You have signed out.' });
    await said.waitFor({ timeout: STEP_MS });
    expect(await page.getByRole('heading', { name: 'Sign in to Careweave' }).count()).toBe(1);
    expect(await page.getByRole('banner').innerText()).not.toContain('Sam Whitfield');

    await page.getByLabel('Email address').fill('nurse@demo.test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter your password' }).waitFor({
      timeout: STEP_MS,
    });
    expect(await said.count()).toBe(0);
  });
});

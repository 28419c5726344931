import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// Someone who has forgotten their password and tried too often was told only to wait, in a
// message without a full stop.

describe(`signing in after too many attempts (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { LOGIN_ATTEMPTS: '1' } });
  });

  it('says when to try again and whom to ask about a forgotten password', async () => {
    const browser = await launchBrowser();
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await page.goto('/login', { waitUntil: 'networkidle' });
    const alert = page.getByRole('alert');
    for (const expected of ['Email or password is not right', 'Too many attempts']) {
      await page.getByLabel('Email address').fill('nurse@demo.test');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await alert.getByText(expected).first().waitFor({ timeout: STEP_MS });
    }
    expect(await alert.innerText()).toContain(
      'Too many attempts to sign in. Try again in 15 minutes. ' +
        'If you have forgotten your password, ask your team administrator for help.',
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// Someone whose session ended follows a link and lands on a bare sign-in page, with nothing to say
// why they have been asked to sign in again.

describe(`the sign-in page reached after a session ended (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says the session ended, and says nothing of it to someone who signed out', async () => {
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await page.goto('/people', { waitUntil: 'networkidle' });
    const session = (await page.context().cookies()).find((c) => c.name === 'session')!;
    const ended = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: `session=${session.value}`, origin: server.url },
    });
    expect(ended.ok).toBe(true);

    await page.getByRole('link', { name: 'My actions' }).click();
    await page.getByRole('heading', { name: 'Sign in to Careweave' }).waitFor({ timeout: STEP_MS });
    const said = page.getByRole('status').filter({ hasText: 'Your session ended' });
    expect(await said.count()).toBe(1);

    await page.getByLabel('Email address').fill('nurse@demo.test');
    await page.getByLabel('Password').fill('careweave-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/actions', { timeout: STEP_MS });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Careweave' }).waitFor({ timeout: STEP_MS });
    expect(await said.count()).toBe(0);
    await page.goto('/people');
    await page.getByRole('heading', { name: 'Sign in to Careweave' }).waitFor({ timeout: STEP_MS });
    expect(await said.count()).toBe(0);
  });
});

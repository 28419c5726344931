import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// Someone whose session ended follows a link and is sent to sign in: the header still named them,
// with "Sign out" and the site's sections, above "Sign in to Careweave".

describe(`the sign-in page after the session ended (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('no longer shows whoever was signed in, and brings them back after signing in', async () => {
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await page.goto('/people', { waitUntil: 'networkidle' });
    const header = page.getByRole('banner');
    expect(await header.innerText()).toContain('Sam Whitfield');

    const session = (await page.context().cookies()).find((c) => c.name === 'session')!;
    const ended = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: `session=${session.value}`, origin: server.url },
    });
    expect(ended.ok).toBe(true);

    await page.getByRole('link', { name: 'My actions' }).click();
    await page.waitForURL((url) => url.pathname === '/login', { timeout: STEP_MS });
    await page.getByRole('heading', { name: 'Sign in to Careweave' }).waitFor({ timeout: STEP_MS });
    expect(await header.innerText()).not.toContain('Sam Whitfield');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

    await page.getByLabel('Email address').fill('nurse@demo.test');
    await page.getByLabel('Password').fill('careweave-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/actions', { timeout: STEP_MS });
    await header.filter({ hasText: 'Sam Whitfield' }).waitFor({ timeout: STEP_MS });
  });
});

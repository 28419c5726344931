import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { DEMO_PASSWORD } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// The sign-in page says why it is there: the session ended (timed out, or signed out elsewhere),
// or the user signed out, as on a clinic's shared computer; and it never shows, in its header, the
// person who is no longer signed in.

describe(`the sign-in page after a session ends, or after signing out (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says the session ended, shows nobody as signed in, and goes back after signing in', async () => {
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
    const said = page.getByRole('status').filter({ hasText: 'Your session ended' });
    expect(await said.count()).toBe(1);

    await page.getByLabel('Email address').fill('nurse@demo.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/actions', { timeout: STEP_MS });
    await header.filter({ hasText: 'Sam Whitfield' }).waitFor({ timeout: STEP_MS });
  });

  it('says signing out is done, only until the next page, and not that a session ended', async () => {
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const said = page.getByRole('status').filter({ hasText: 'You have signed out.' });
    await said.waitFor({ timeout: STEP_MS });
    expect(await page.getByRole('heading', { name: 'Sign in to Careweave' }).count()).toBe(1);
    expect(await page.getByRole('banner').innerText()).not.toContain('Sam Whitfield');
    const ended = page.getByRole('status').filter({ hasText: 'Your session ended' });
    expect(await ended.count()).toBe(0);

    await page.getByLabel('Email address').fill('nurse@demo.test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter your password' }).waitFor({
      timeout: STEP_MS,
    });
    expect(await said.count()).toBe(0);
    await page.goto('/people');
    await page.getByRole('heading', { name: 'Sign in to Careweave' }).waitFor({ timeout: STEP_MS });
    expect(await ended.count()).toBe(0);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`signing in with the wrong password (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('tells a screen reader why at each field, not only in the summary at the top', async () => {
    const browser = await launchBrowser();
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await page.goto('/login', { waitUntil: 'networkidle' });
    await page.getByLabel('Email address').fill('gp@demo.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor({ timeout: STEP_MS });

    // The summary's link leads to the email field, which must then say what is wrong.
    await page.getByRole('alert').getByRole('link').click();
    const said = await page.evaluate(`(() => {
      const el = document.activeElement;
      const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return [el.id, ids.map((id) => document.getElementById(id)?.textContent.trim()).join(' ')];
    })()`);
    expect(said).toEqual(['email', 'Email or password is not right']);
    expect(await page.getByLabel('Password').getAttribute('aria-describedby')).toBe(
      await page.getByLabel('Email address').getAttribute('aria-describedby'),
    );
    // Someone who cannot remember it learns who can help, without leaving the page.
    await page.getByText('Forgotten your password? Ask your team’s administrator').waitFor();
  });
});

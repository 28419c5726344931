import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, STEP_MS } from '../support/browser.js';
import { send } from '../support/api.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`signing in with a temporary password (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('asks for a password of one’s own before anything else', async () => {
    const adminCookie = await login(server.url, 'admin@demo.test');
    const email = `kim.temp.${Date.now()}@demo.test`;
    const res = await send(server.url, 'POST', '/api/team/members', adminCookie, {
      name: 'Kim Temp',
      email,
      role: 'nurse',
    });
    const { temporaryPassword } = (await res.json()) as { temporaryPassword: string };

    const browser = await launchBrowser();
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await page.goto('/login', { waitUntil: 'networkidle' });
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(temporaryPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const heading = page.getByRole('heading', { name: 'Change your password' });
    await heading.waitFor({ timeout: STEP_MS });
    await page.goto('/people');
    await heading.waitFor({ timeout: STEP_MS });

    await page.getByLabel('Current password').fill(temporaryPassword);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /12 characters or more/ })
      .waitFor({ timeout: STEP_MS });
    // The summary's link leads to the field, which then says, to a screen reader, what is wrong.
    await page
      .getByRole('alert')
      .getByRole('link', { name: /12 characters or more/ })
      .click();
    const said = await page.evaluate(`(() => {
      const el = document.activeElement;
      const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return [el.id, el.getAttribute('aria-invalid'),
        ids.map((id) => document.getElementById(id)?.textContent.trim()).join(' ')];
    })()`);
    expect(said).toEqual([
      'next',
      'true',
      'At least 12 characters. Three random words are easy to remember and hard to guess. New password must be 12 characters or more',
    ]);

    await page.getByLabel('Current password').fill(temporaryPassword);
    await page.getByLabel('New password', { exact: true }).fill('kim chose this phrase');
    await page.getByLabel('New password again').fill('kim chose this phrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed.').waitFor({ timeout: STEP_MS });
    await page.goto('/people');
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor({ timeout: STEP_MS });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, STEP_MS } from '../support/browser.js';
import { DEMO_PASSWORD } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// Enter pressed in the email field before the password was typed was answered "Email or
// password is not right", and counted against the account's sign-in attempts.

const describedAs = (field: string) => `(() => {
  const el = document.getElementById('${field}');
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return [el.getAttribute('aria-invalid'), ids.map((id) => document.getElementById(id)?.textContent.trim()).join(' ')];
})()`;

describe(`signing in with a field left empty (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { LOGIN_ATTEMPTS: '2' } });
  });

  it('says which field to fill in, at that field, and does not use up an attempt', async () => {
    const browser = await launchBrowser();
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await page.goto('/login', { waitUntil: 'networkidle' });
    const summary = page.getByRole('alert');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await summary.filter({ hasText: 'Enter your email address' }).waitFor({ timeout: STEP_MS });
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Enter your email address',
      'Enter your password',
    ]);
    expect(await page.evaluate(describedAs('email'))).toEqual(['true', 'Enter your email address']);

    for (let i = 0; i < 3; i++) {
      await page.getByLabel('Email address').fill('gp@demo.test');
      await page.getByLabel('Email address').press('Enter');
      await summary
        .filter({ hasText: 'Enter your password' })
        .filter({ hasNotText: 'Enter your email address' })
        .waitFor({ timeout: STEP_MS });
      expect(await page.textContent('main')).not.toContain('not right');
    }
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('password');
    expect(await page.evaluate(describedAs('password'))).toEqual(['true', 'Enter your password']);
    expect(await page.evaluate(describedAs('email'))).toEqual([null, '']);
    expect(await page.getByLabel('Email address').inputValue()).toBe('gp@demo.test');

    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: STEP_MS });
  });
});

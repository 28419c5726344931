import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// SvelteKit sends the focus to the top of the page when a form succeeds: an administrator going
// down the team by keyboard would start again from 'Skip to main content' after every change.
const focused = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'the page itself';
  return e.tagName + ': ' + (e.getAttribute('aria-label') || e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 80);
})()`;

describe(`the Team page by keyboard (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('keeps the focus at the member changed, and on the team once one is removed', async () => {
    const browser = await launchBrowser();
    const admin = await signIn(browser, server, 'admin@demo.test');
    await admin.goto('/team', { waitUntil: 'networkidle' });
    const status = admin.getByRole('status');
    const physio = admin.getByRole('row', { name: /physio@demo\.test/ });

    await physio.getByRole('button', { name: 'Let chair: Grace Mensah', exact: true }).focus();
    await admin.keyboard.press('Enter');
    await status.filter({ hasText: 'Grace Mensah may now chair' }).waitFor({ timeout: STEP_MS });
    expect(await admin.evaluate(focused)).toBe('BUTTON: Stop chairing: Grace Mensah');

    await physio.getByRole('combobox', { name: 'Role of Grace Mensah' }).selectOption('nurse');
    await physio.getByRole('button', { name: 'Change role of Grace Mensah' }).focus();
    await admin.keyboard.press('Enter');
    await status.filter({ hasText: 'Grace Mensah is now' }).waitFor({ timeout: STEP_MS });
    expect(await admin.evaluate(focused)).toBe('BUTTON: Change role of Grace Mensah');

    await physio.getByRole('button', { name: 'Remove Grace Mensah from the team' }).focus();
    await admin.keyboard.press('Enter');
    expect(await admin.evaluate(focused)).toBe('BUTTON: Yes, remove');
    await admin.keyboard.press('Enter');
    await status
      .filter({ hasText: 'Grace Mensah removed from the team' })
      .waitFor({ timeout: STEP_MS });
    expect(await admin.evaluate(focused)).toMatch(/^TABLE: Team members/);
    // The next Tab goes on through the team, not back to the top of the page.
    await admin.keyboard.press('Tab');
    expect(await admin.evaluate(focused)).not.toMatch(/Skip to main content/);
  });
});

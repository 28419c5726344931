import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// Escape is how a keyboard user says "no" to a question the page has just asked; on the Team
// page it left "Remove …?" open, with the focus on "Yes, remove".
const focused = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'the page itself';
  return e.tagName + ': ' + (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 80);
})()`;

describe(`the Team page's "Remove …?" question (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('is cancelled by Escape, with the focus back on Remove and the member kept', async () => {
    const browser = await launchBrowser();
    const admin = await signIn(browser, server, 'admin@demo.test');
    await admin.goto('/team', { waitUntil: 'networkidle' });
    const physio = admin.getByRole('row', { name: /physio@demo\.test/ });
    const remove = physio.getByRole('button', { name: 'Remove Grace Mensah from the team' });

    await remove.focus();
    await admin.keyboard.press('Enter');
    const yes = physio.getByRole('button', { name: 'Yes, remove' });
    await yes.waitFor({ timeout: STEP_MS });
    expect(await admin.evaluate(focused)).toBe('BUTTON: Yes, remove');

    await admin.keyboard.press('Escape');
    await remove.waitFor({ timeout: STEP_MS });
    expect(await yes.count()).toBe(0);
    expect(await admin.evaluate(focused)).toBe('BUTTON: Remove Grace Mensah from the team');

    await admin.reload({ waitUntil: 'networkidle' });
    expect(await physio.count()).toBe(1);
  });
});

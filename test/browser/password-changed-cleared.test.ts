import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { DEMO_PASSWORD } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// "Your password has been changed." appeared above a form still holding the old password and the
// new one twice: left on a shared screen, and refused as "not right" if sent again.

describe(`changing one's password (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('empties the form once changed, and says so in a live region', async () => {
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'physio@demo.test');
    await page.goto('/account/password', { waitUntil: 'networkidle' });
    const region = page.getByRole('status').filter({ has: page.locator('p') });
    expect(await page.getByRole('status').count()).toBeGreaterThan(0);

    const fields = ['Current password', 'New password', 'New password again'];
    const values = [DEMO_PASSWORD, 'three random words', 'three random words'];
    for (const [i, label] of fields.entries()) {
      await page.getByLabel(label, { exact: true }).fill(values[i]!);
    }
    await page.getByRole('button', { name: 'Change password' }).click();
    await region.filter({ hasText: 'Your password has been changed.' }).waitFor({
      timeout: STEP_MS,
    });
    for (const label of fields) {
      expect(await page.getByLabel(label, { exact: true }).inputValue(), label).toBe('');
    }
  });
});

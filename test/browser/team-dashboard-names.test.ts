import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// Chromium adds a space around a visually hidden span; other browsers read its text as it is,
// so the space before the hidden part must be in the text itself.
const spoken = (text: string | null) => text?.replace(/\s+/g, ' ');

describe(`the Team page's and dashboard's buttons about one thing (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('on the Team page read as words, with no stray or missing space', async () => {
    const browser = await launchBrowser();
    const admin = await signIn(browser, server, 'admin@demo.test');
    await admin.goto('/team', { waitUntil: 'networkidle' });
    const nurse = admin.getByRole('row', { name: /nurse@demo\.test/ });
    const partner = admin.getByRole('row', { name: /partner@demo\.test/ });
    for (const [row, name] of [
      [nurse, 'Change role of Sam Whitfield'],
      [nurse, 'Let chair: Sam Whitfield'],
      [nurse, 'Remove Sam Whitfield from the team'],
      [partner, 'Change provider of Kim Ashworth'],
      [partner, 'Change role of Kim Ashworth'],
    ] as const) {
      const button = row.getByRole('button', { name, exact: true });
      await button.waitFor({ timeout: STEP_MS });
      if (!name.includes(':')) expect(spoken(await button.textContent())).toBe(name);
    }
  });

  it('on the dashboard read as the count and whose list it is', async () => {
    const browser = await launchBrowser();
    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/dashboard', { waitUntil: 'networkidle' });
    // The seed gives the practice nurse, Sam Whitfield, an overdue action.
    const link = sectionOf(gp, 'Overdue actions by owner').getByRole('link', {
      name: /^\d+ – list for Sam Whitfield$/,
    });
    await link.waitFor({ timeout: STEP_MS });
    const text = spoken(await link.textContent());
    expect(text).toMatch(/^\d+ – list for Sam Whitfield$/);
    expect(await gp.getByRole('link', { name: text!, exact: true }).count()).toBe(1);
  });
});

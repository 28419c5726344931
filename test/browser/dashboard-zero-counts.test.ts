import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`a dashboard count of nobody (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('is a plain 0, not a link a keyboard user stops at to find an empty list', async () => {
    const browser = await launchBrowser();
    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/dashboard', { waitUntil: 'networkidle' });
    const change = sectionOf(gp, 'Change in wellbeing');
    const row = (name: string) => change.getByRole('row', { name: new RegExp(`^${name}`) });
    // The seed has someone who improved meaningfully, and nobody in meaningful decline.
    await row('Meaningful improvement')
      .getByRole('link', { name: /^[1-9]\d* – list for Meaningful improvement$/ })
      .waitFor({ timeout: STEP_MS });
    const decline = row('Meaningful decline');
    expect(await decline.getByRole('cell').innerText()).toBe('0');
    expect(await decline.getByRole('link').count()).toBe(0);
  });
});

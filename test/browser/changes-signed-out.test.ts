import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { firstPlanId, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`"What changed" after the session has ended (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says the session ended, not to check a connection that is working', async () => {
    const browser = await launchBrowser();
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    await openPlan(
      nurse,
      await firstPlanId(server.url, await login(server.url, 'nurse@demo.test')),
    );
    expect((await nurse.context().request.post('/api/auth/logout')).status()).toBe(200);

    const changes = sectionOf(nurse, 'What changed');
    await changes.getByRole('button', { name: 'Refresh' }).click();
    await changes.getByText('your session has ended').waitFor({ timeout: STEP_MS });
    expect(await changes.innerText()).not.toContain('Check your connection');
  });
});

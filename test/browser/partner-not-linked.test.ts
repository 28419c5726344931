import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@careweave/db';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { createTestDatabase, databaseBackend, type TestDatabase } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// A partner account made before accounts were linked to the directory has no provider: the
// partner is told so, not shown an empty list, and an administrator links them on the Team page.

describe(`a partner not linked to a provider (${databaseBackend})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ database });
    // Embedded PGlite has one process at a time: unlink the demo partner with the server down.
    await server.kill();
    const db = await createDb({ url: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
    try {
      await db.db.execute("update users set provider_id = null where email = 'partner@demo.test'");
    } finally {
      await db.close();
    }
    await server.restart();
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('tells the partner to ask their administrator, who links them to their provider', async () => {
    const browser = await launchBrowser();
    const partner = await signIn(browser, server, 'partner@demo.test');
    await partner.goto('/referrals', { waitUntil: 'networkidle' });
    const notice = partner.getByTestId('not-linked');
    await notice.waitFor({ timeout: STEP_MS });
    expect(await notice.innerText()).toMatch(
      /not yet linked to an organisation in the provider directory[\s\S]*Ask your team administrator/,
    );
    expect(await partner.getByText('There are no referrals yet').count()).toBe(0);

    const admin = await signIn(browser, server, 'admin@demo.test');
    await admin.goto('/team', { waitUntil: 'networkidle' });
    const row = admin.getByRole('row', { name: /partner@demo\.test/ });
    expect(await row.innerText()).toContain('Not linked to a provider');
    await row.getByRole('button', { name: /^Change provider/ }).click();
    // Nothing chosen yet: the row says what to do.
    await row
      .getByText('Choose the organisation they work for from the provider directory')
      .waitFor({ timeout: STEP_MS });
    await row
      .getByLabel(/^Provider .* works for$/)
      .selectOption({ label: 'Tame Valley Peer Support' });
    await row.getByRole('button', { name: /^Change provider/ }).click();
    await expect
      .poll(() => row.innerText(), { timeout: STEP_MS })
      .toContain('Provider: Tame Valley Peer Support');

    await partner.goto('/referrals', { waitUntil: 'networkidle' });
    await partner
      .getByText('Referrals made to Tame Valley Peer Support.')
      .waitFor({ timeout: STEP_MS });
    expect(await partner.getByTestId('not-linked').count()).toBe(0);
    // The demo data holds referrals to Tame Valley of people who consented to share.
    expect(await partner.getByRole('list', { name: 'Referrals' }).count()).toBe(1);
  });
});

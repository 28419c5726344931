import { createDb } from '@careweave/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshNhsNumber, me, send } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { createTestDatabase, databaseBackend, type TestDatabase } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// A clinician in two neighbourhood teams chooses which one a new person belongs to, and is taken
// out of that team before pressing "Add person". A screen reader at the Neighbourhood select
// must hear why it was refused, as at every other field of the form; and the select must then
// offer only the teams they are still in, not the one they were taken out of.

const OTHER_TEAM = 'Reddish';

describe(`the Neighbourhood select refused on "Add a person" (${databaseBackend})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ database });
    // Embedded PGlite has one process at a time: put the nurse and the administrator in a second team with it down.
    await server.kill();
    const db = await createDb({ url: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
    try {
      await db.db.execute(`insert into neighbourhoods (name) values ('${OTHER_TEAM}')`);
      await db.db.execute(
        `insert into team_members (neighbourhood_id, user_id)
         select n.id, u.id from neighbourhoods n, users u
         where n.name = '${OTHER_TEAM}' and u.email in ('nurse@demo.test', 'admin@demo.test')`,
      );
    } finally {
      await db.close();
    }
    await server.restart();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('is marked invalid and described by its error, and saves once another is chosen', async () => {
    const page = await signIn(browser, server, 'nurse@demo.test');
    await page.goto('/people/new', { waitUntil: 'networkidle' });
    await page.getByLabel('NHS number').fill(freshNhsNumber());
    await page.getByLabel('Given name').fill('Olwen');
    await page.getByLabel('Family name').fill('Reddishfield');
    await page.getByLabel('Date of birth').fill('1950-03-04');
    await page.getByLabel('Pathway').selectOption('Prevention');
    const select = page.getByLabel('Neighbourhood', { exact: true });
    await select.selectOption({ label: OTHER_TEAM });
    expect(await select.getAttribute('aria-invalid')).toBeNull();
    const nurse = await me(server.url, await login(server.url, 'nurse@demo.test'));
    const other = nurse.neighbourhoods.find((n) => n.name === OTHER_TEAM)!;
    const path = `/api/team/members/${nurse.id}/neighbourhoods/${other.id}`;
    const adminCookie = await login(server.url, 'admin@demo.test');
    expect((await send(server.url, 'DELETE', path, adminCookie, {})).status).toBe(204);
    await page.getByRole('button', { name: 'Add person' }).click();

    const message = page.locator('#neighbourhoodId-error');
    await message.waitFor({ timeout: STEP_MS });
    expect(await message.innerText()).toContain('Choose one of your neighbourhood teams');
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    expect((await select.getAttribute('aria-describedby'))?.split(' ')).toContain(
      'neighbourhoodId-error',
    );
    expect(await select.getAttribute('class')).toContain('input-error');
    await select
      .locator('option', { hasText: OTHER_TEAM })
      .waitFor({ state: 'detached', timeout: STEP_MS });
    expect(await select.locator('option').allInnerTexts()).toEqual(['Heatons & Tame Valley']);
    await select.selectOption({ label: 'Heatons & Tame Valley' });
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.waitForURL(/\/plans\//, { timeout: STEP_MS });
  });
});

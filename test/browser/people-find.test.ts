import { beforeAll, describe, expect, it } from 'vitest';
import { freshNhsNumber, send } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`finding a person (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('narrows the list by name or NHS number, however typed, and says when nobody matches', async () => {
    const browser = await launchBrowser();
    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/people', { waitUntil: 'networkidle' });
    const rows = gp.locator('tbody tr');
    const find = gp.getByLabel('Find a person by name or NHS number');
    expect(await rows.count()).toBeGreaterThan(3);

    for (const query of ['kowal', '999 000 0034', '9990000034']) {
      await find.fill(query);
      await expect
        .poll(() => rows.allInnerTexts(), { timeout: STEP_MS })
        .toEqual([expect.stringContaining('Susan Kowalczyk')]);
    }
    await find.fill('Nobody-by-this-name');
    await gp.getByText('Nobody matches “Nobody-by-this-name”.').waitFor({ timeout: STEP_MS });
    // No table of column headings alone is left for a screen reader to step into.
    expect(await gp.getByRole('table').count()).toBe(0);
    expect(await gp.getByRole('status').innerText()).toMatch(/^0 of \d+ people shown$/);
    await find.fill('');
    await expect.poll(() => rows.count(), { timeout: STEP_MS }).toBeGreaterThan(3);
  });

  it('finds a name with accents and an apostrophe as an English keyboard types it, in any order', async () => {
    const nhsNumber = freshNhsNumber();
    const added = await send(
      server.url,
      'POST',
      '/api/people',
      await login(server.url, 'navigator@demo.test'),
      {
        nhsNumber,
        givenName: 'Siân',
        familyName: 'O’Brien-Núñez',
        dateOfBirth: '1961-06-30',
        pathway: 'Prevention',
      },
    );
    expect(added.status).toBe(201);
    const browser = await launchBrowser();
    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/people', { waitUntil: 'networkidle' });
    const rows = gp.locator('tbody tr');
    const find = gp.getByLabel('Find a person by name or NHS number');

    const dashed = `${nhsNumber.slice(0, 3)}-${nhsNumber.slice(3, 6)}-${nhsNumber.slice(6)}`;
    for (const query of ["o'brien", 'nunez, sian', 'OBrien Nunez', dashed]) {
      await find.fill(query);
      await expect
        .poll(() => rows.allInnerTexts(), { timeout: STEP_MS })
        .toEqual([expect.stringContaining('Siân O’Brien-Núñez')]);
    }
  });

  it('tells an administrator why they see no one, and offers them no actions of their own', async () => {
    const browser = await launchBrowser();
    const admin = await signIn(browser, server, 'admin@demo.test');
    await admin.goto('/people', { waitUntil: 'networkidle' });
    await admin
      .getByText('As a team administrator you manage the team')
      .waitFor({ timeout: STEP_MS });
    const nav = admin.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'My actions' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit trail' }).count()).toBe(1);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@careweave/shared';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { get, listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the audit trail page, read for chosen days (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  const today = todayIso();
  const dayFrom = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('shows the days chosen, keeps them on the older pages, and says when they are the wrong way round', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const [person] = await listPeople(server.url, gpCookie);
    for (let i = 0; i < 101; i++) {
      expect((await get(server.url, `/api/plans/${person!.planId}`, gpCookie)).status).toBe(200);
    }
    const page = await signIn(await launchBrowser(), server, 'admin@demo.test');
    await page.goto('/audit', { waitUntil: 'networkidle' });
    const show = page.getByRole('button', { name: 'Show' });

    await page.getByLabel('From').fill(dayFrom(1));
    await show.click();
    await page
      .getByText('Nothing has been recorded for this choice.')
      .waitFor({ timeout: STEP_MS });
    expect(new URL(page.url()).searchParams.get('from')).toBe(dayFrom(1));

    await page.getByLabel('From').fill(today);
    await page.getByLabel('To').fill(dayFrom(-1));
    await show.click();
    const message = 'The last day must be the same as or after the first';
    await page.getByText(message).waitFor({ timeout: STEP_MS });
    const to = page.getByLabel('To');
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.locator(`[id="${await to.getAttribute('aria-describedby')}"]`).innerText(),
    ).toContain(message);
    expect(await page.getByLabel('From').inputValue()).toBe(today);
    expect(await page.locator('tbody tr').count()).toBe(0);

    await to.fill(today);
    await show.click();
    await page.locator('tbody tr', { hasText: person!.name }).first().waitFor({ timeout: STEP_MS });
    const older = page.getByRole('link', { name: 'Older events' });
    const href = new URL((await older.getAttribute('href'))!, server.url);
    expect(href.searchParams.get('from')).toBe(today);
    expect(href.searchParams.get('to')).toBe(today);
    await older.click();
    await page.getByRole('link', { name: 'Newest events' }).waitFor({ timeout: STEP_MS });
    expect(await page.getByLabel('From').inputValue()).toBe(today);
    expect(await page.getByLabel('To').inputValue()).toBe(today);
  });
});

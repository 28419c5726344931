import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { get, listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the audit trail page, read for one person (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('lets an administrator choose whose record to read the trail of, and choose everyone again', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const [first, second] = await listPeople(server.url, gpCookie);
    for (const person of [first!, second!]) {
      expect((await get(server.url, `/api/plans/${person.planId}`, gpCookie)).status).toBe(200);
    }

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'admin@demo.test');
    await page.goto('/audit');
    const whose = page.getByLabel('Whose record');
    await whose.selectOption({
      label: `${first!.name} (${first!.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')})`,
    });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('planId') === first!.planId, {
      timeout: STEP_MS,
    });
    const about = page.locator('tbody tr td:nth-child(4)');
    await about.first().waitFor({ timeout: STEP_MS });
    expect(new Set(await about.allInnerTexts())).toEqual(new Set([first!.name]));
    expect(await whose.inputValue()).toBe(first!.planId);

    await whose.selectOption({ label: 'Everyone’s' });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => !url.searchParams.get('planId'), { timeout: STEP_MS });
    await page.locator('tbody tr', { hasText: second!.name }).first().waitFor({ timeout: STEP_MS });
  });

  it('leads from an older page back to the newest events, keeping whose record it is', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const adminCookie = await login(server.url, 'admin@demo.test');
    const [person] = await listPeople(server.url, gpCookie);
    for (let i = 0; i < 2; i++) {
      expect((await get(server.url, `/api/plans/${person!.planId}`, gpCookie)).status).toBe(200);
    }
    const { entries } = await getJson<{ entries: { id: number }[] }>(
      server.url,
      `/api/audit?planId=${person!.planId}`,
      adminCookie,
    );

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'admin@demo.test');
    await page.goto(`/audit?planId=${person!.planId}&before=${entries[0]!.id}`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor({ timeout: STEP_MS });
    expect(await rows.count()).toBe(entries.length - 1);
    await page.getByRole('link', { name: 'Newest events' }).click();
    await page.waitForURL((url) => !url.searchParams.has('before'), { timeout: STEP_MS });
    expect(new URL(page.url()).searchParams.get('planId')).toBe(person!.planId);
    await expect.poll(() => rows.count(), { timeout: STEP_MS }).toBe(entries.length);
  });
});

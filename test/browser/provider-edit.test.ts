import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

interface Provider {
  name: string;
  description: string;
  services: { name: string; kind: string; description: string }[];
}

describe(`an administrator puts right a provider or service in the directory (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
    page = await signIn(await launchBrowser(), server, 'admin@demo.test');
  });

  const directory = () => getJson<Provider[]>(server.url, '/api/providers', adminCookie);
  const card = (name: string) =>
    page.locator('li.card', { has: page.getByRole('heading', { level: 2, name, exact: true }) });

  it('renames a provider, says so, and gives the focus back to its Change', async () => {
    await page.goto('/providers', { waitUntil: 'networkidle' });
    const physio = card('Neighbourhood Physio');
    await physio.locator('summary').first().click();
    const name = physio.getByLabel('Name', { exact: true });
    expect(await name.inputValue()).toBe('Neighbourhood Physio');
    await name.fill('Neighbourhood Physio and Rehab');
    await physio.getByLabel('Description', { exact: true }).first().fill('Self-referral MSK');
    await physio.getByRole('button', { name: 'Save changes' }).first().click();

    await page
      .getByRole('status')
      .filter({ hasText: 'Neighbourhood Physio and Rehab changed' })
      .waitFor({ timeout: STEP_MS });
    const renamed = card('Neighbourhood Physio and Rehab');
    await renamed.getByText('Self-referral MSK', { exact: true }).waitFor({ timeout: STEP_MS });
    expect(await renamed.getByLabel('Name', { exact: true }).isVisible()).toBe(false);
    expect(
      await page.evaluate('document.activeElement?.textContent?.replace(/\\s+/g, " ").trim()'),
    ).toBe('Change Neighbourhood Physio and Rehab');
    const saved = (await directory()).find((p) => p.name === 'Neighbourhood Physio and Rehab');
    expect(saved?.description).toBe('Self-referral MSK');
    expect((await directory()).map((p) => p.name)).not.toContain('Neighbourhood Physio');
  });

  it('refuses a name another provider has, at the name, keeping what was typed', async () => {
    await page.goto('/providers', { waitUntil: 'networkidle' });
    const pharmacy = card('PCN Pharmacy');
    await pharmacy.locator('summary').first().click();
    const name = pharmacy.getByLabel('Name', { exact: true });
    await name.fill('heatons money advice');
    await pharmacy.getByRole('button', { name: 'Save changes' }).first().click();

    const message = 'A provider with this name is already in the directory';
    await pharmacy.getByText(message).waitFor({ timeout: STEP_MS });
    expect(await name.isVisible()).toBe(true);
    expect(await name.inputValue()).toBe('heatons money advice');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const names = (await directory()).map((p) => p.name);
    expect(names).toContain('PCN Pharmacy');
    expect(names.filter((n) => n.toLowerCase() === 'heatons money advice')).toHaveLength(1);
  });

  it('changes a service’s name, kind and description', async () => {
    await page.goto('/providers', { waitUntil: 'networkidle' });
    const valley = card('Tame Valley Peer Support');
    const row = valley.getByRole('row').filter({ hasText: 'Volunteer matching' });
    await row.locator('summary').click();
    await row.getByLabel('Service name').fill('Volunteering taster days');
    await row.getByLabel('Kind').selectOption({ label: 'Peer group' });
    await row.getByLabel('Description', { exact: true }).fill('Try a role for a morning');
    await row.getByRole('button', { name: 'Save changes' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: 'Volunteering taster days changed' })
      .waitFor({ timeout: STEP_MS });
    const services = (await directory()).find(
      (p) => p.name === 'Tame Valley Peer Support',
    )!.services;
    expect(services.find((s) => s.name === 'Volunteering taster days')).toMatchObject({
      kind: 'peer-group',
      description: 'Try a role for a morning',
    });
    expect(services.map((s) => s.name)).not.toContain('Volunteer matching');
  });

  it('offers nobody but an administrator a way to change the directory', async () => {
    const nurse = await signIn(await launchBrowser(), server, 'nurse@demo.test');
    await nurse.goto('/providers', { waitUntil: 'networkidle' });
    await nurse.getByRole('heading', { name: 'Heatons Money Advice' }).waitFor();
    expect(await nurse.locator('summary', { hasText: 'Change' }).count()).toBe(0);
  });
});

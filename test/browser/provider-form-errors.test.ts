import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the provider directory's forms point at what is wrong (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
    page = await signIn(await launchBrowser(), server, 'admin@demo.test');
  });

  const names = async () =>
    (await getJson<{ name: string }[]>(server.url, '/api/providers', adminCookie)).map(
      (p) => p.name,
    );

  /** The control is marked invalid and described by its own message, which is `message`. */
  async function expectMarked(control: Locator, message: string) {
    expect(await control.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await control.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain(message);
  }

  async function expectUnmarked(control: Locator) {
    expect(await control.getAttribute('aria-invalid')).toBeNull();
    expect(await control.getAttribute('aria-describedby')).toBeNull();
  }

  it('marks a provider’s long description at the description, and keeps what was typed', async () => {
    await page.goto('/providers', { waitUntil: 'networkidle' });
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Add a provider' }),
    });
    const name = form.getByLabel('Name', { exact: true });
    const description = form.getByLabel('Description', { exact: true });
    const long = 'Drop-in advice on benefits and bills. '.repeat(60);
    expect(long.trim().length).toBeGreaterThan(2000);
    await name.fill('Cheadle Hulme Advice Hub');
    await description.fill(long);
    await form.getByRole('button', { name: 'Add provider' }).click();

    const message = 'The description must be 2000 characters or fewer';
    await form.getByText(message).waitFor({ timeout: STEP_MS });
    await expectMarked(description, message);
    await expectUnmarked(name);
    expect(await form.getByText('Some details are not right').count()).toBe(0);
    expect(await name.inputValue()).toBe('Cheadle Hulme Advice Hub');
    expect(await description.inputValue()).toBe(long);
    expect(await names()).not.toContain('Cheadle Hulme Advice Hub');
  });

  it('marks a provider’s long name at the name', async () => {
    await page.goto('/providers', { waitUntil: 'networkidle' });
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Add a provider' }),
    });
    const name = form.getByLabel('Name', { exact: true });
    const long = 'Heald Green '.repeat(20).trim();
    expect(long.length).toBeGreaterThan(200);
    await name.fill(long);
    await form.getByLabel('Description', { exact: true }).fill('Weekly');
    await form.getByRole('button', { name: 'Add provider' }).click();

    const message = 'The name must be 200 characters or fewer';
    await form.getByText(message).waitFor({ timeout: STEP_MS });
    await expectMarked(name, message);
    await expectUnmarked(form.getByLabel('Description', { exact: true }));
    expect(await name.inputValue()).toBe(long);
  });

  it('marks a service’s long description at that service’s description', async () => {
    await page.goto('/providers', { waitUntil: 'networkidle' });
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Add a service to Heatons Money Advice' }),
    });
    const name = form.getByLabel('Service name');
    const description = form.getByLabel('Description', { exact: true });
    const long = 'Help with letters from the council. '.repeat(60);
    await name.fill('Saturday letters clinic');
    await form.getByLabel('Kind').selectOption({ label: 'Debt advice' });
    await description.fill(long);
    await form.getByRole('button', { name: 'Add service' }).click();

    const message = 'The description must be 2000 characters or fewer';
    await form.getByText(message).waitFor({ timeout: STEP_MS });
    await expectMarked(description, message);
    await expectUnmarked(name);
    expect(await name.inputValue()).toBe('Saturday letters clinic');
    expect(await form.getByLabel('Kind').inputValue()).toBe('debt-advice');
    expect(await description.inputValue()).toBe(long);
  });

  it('refuses a second service of the same name at one provider, at its name', async () => {
    const serviceNames = async () =>
      (
        await getJson<{ name: string; services: { name: string }[] }[]>(
          server.url,
          '/api/providers',
          adminCookie,
        )
      )
        .find((p) => p.name === 'Stockport Housing Help')!
        .services.map((s) => s.name);
    await page.goto('/providers', { waitUntil: 'networkidle' });
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Add a service to Stockport Housing Help' }),
    });
    const name = form.getByLabel('Service name');
    const addEvening = async (typed: string) => {
      await name.fill(typed);
      await form.getByLabel('Kind').selectOption({ label: 'Housing advice' });
      await form.getByRole('button', { name: 'Add service' }).click();
    };
    await addEvening('Evening tenancy clinic');
    await page
      .getByRole('table', { name: 'Services of Stockport Housing Help' })
      .getByText('Evening tenancy clinic', { exact: true })
      .waitFor({ timeout: STEP_MS });

    await addEvening('evening  Tenancy clinic');
    const message = 'This provider already offers a service with this name';
    await form.getByText(message).waitFor({ timeout: STEP_MS });
    await expectMarked(name, message);
    expect(await name.inputValue()).toBe('evening  Tenancy clinic');
    expect((await serviceNames()).filter((n) => n.toLowerCase().includes('evening'))).toEqual([
      'Evening tenancy clinic',
    ]);
  });

  it('says which service stopped taking referrals, and which takes them again', async () => {
    await page.goto('/providers', { waitUntil: 'networkidle' });
    const service = 'Tuesday walking and talking group';
    const status = page.getByRole('status').filter({ hasText: service });
    await page.getByRole('button', { name: `Stop referrals to ${service}` }).click();
    await status.filter({ hasText: 'no longer takes referrals' }).waitFor({ timeout: STEP_MS });
    await page.getByRole('button', { name: `Take referrals to ${service}` }).click();
    await status.filter({ hasText: 'takes referrals again' }).waitFor({ timeout: STEP_MS });
  });
});

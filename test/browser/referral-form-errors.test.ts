import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

/** The focused control's id, and the problem it reads out with its label. */
const focused = (page: Page): Promise<{ id: string; invalid: string | null; said: string }> =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return {
      id: el.id,
      invalid: el.getAttribute('aria-invalid'),
      said: ids.map((id) => document.getElementById(id)?.textContent.trim()).join(' '),
    };
  })()`);

describe(`a referral the server refuses, using the keyboard (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('takes the person to the first field to put right, marked invalid and saying why', async () => {
    const browser = await launchBrowser();
    const [person] = await listPeople(server.url, await login(server.url, 'gp@demo.test'));
    const gp = await signIn(browser, server, 'gp@demo.test');
    await openPlan(gp, person!.planId);
    const send = gp.getByRole('button', { name: 'Send referral' });

    await send.focus();
    await gp.keyboard.press('Enter');
    await gp.getByText('Choose the service to refer to').waitFor({ timeout: STEP_MS });
    await gp.waitForFunction(`document.activeElement?.id === 'referral-service'`, null, {
      timeout: STEP_MS,
    });
    expect(await focused(gp)).toEqual({
      id: 'referral-service',
      invalid: 'true',
      said: 'Choose the service to refer to',
    });

    await gp.locator('#referral-service').selectOption({ index: 1 });
    await send.focus();
    await gp.keyboard.press('Enter');
    await gp.waitForFunction(`document.activeElement?.id === 'referral-reason'`, null, {
      timeout: STEP_MS,
    });
    expect(await focused(gp)).toEqual({
      id: 'referral-reason',
      invalid: 'true',
      said: 'Enter the reason for the referral',
    });
    expect(await gp.locator('#referral-service').getAttribute('aria-invalid')).toBeNull();
  });

  /** The plan page, signed in as the GP, with the data reload that follows a refusal held back. */
  async function planWithReloadHeld(): Promise<{ gp: Page; releaseReload: () => void }> {
    const browser = await launchBrowser();
    const [person] = await listPeople(server.url, await login(server.url, 'gp@demo.test'));
    const gp = await signIn(browser, server, 'gp@demo.test');
    await openPlan(gp, person!.planId);
    // As a slow network would: the person goes on with the form while the page reloads.
    let releaseReload = (): void => {};
    const reloadHeld = new Promise<void>((resolve) => (releaseReload = resolve));
    await gp.route('**/__data.json**', async (route) => {
      await reloadHeld;
      await route.continue();
    });
    return { gp, releaseReload };
  }

  it('sends the next press while the page is still reloading after a refusal', async () => {
    const { gp, releaseReload } = await planWithReloadHeld();
    const send = gp.getByRole('button', { name: 'Send referral' });

    await send.click();
    await gp.getByText('Choose the service to refer to').waitFor({ timeout: STEP_MS });
    await gp.locator('#referral-service').selectOption({ index: 1 });
    await send.click({ timeout: STEP_MS });
    await gp.getByText('Enter the reason for the referral').waitFor({ timeout: STEP_MS });
    releaseReload();
  });

  it('leaves the focus where the person has moved it when the reload after a refusal lands', async () => {
    const { gp, releaseReload } = await planWithReloadHeld();

    await gp.getByRole('button', { name: 'Send referral' }).click();
    await gp.waitForFunction(`document.activeElement?.id === 'referral-service'`, null, {
      timeout: STEP_MS,
    });
    await gp.locator('#referral-reason').focus();
    const reloaded = gp.waitForResponse('**/__data.json**', { timeout: STEP_MS });
    releaseReload();
    await reloaded;
    // A frame for the reloaded data to reach the page.
    await gp.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)))',
    );
    expect(await focused(gp)).toMatchObject({ id: 'referral-reason' });
  });
});

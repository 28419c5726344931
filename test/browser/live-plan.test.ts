import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

const webBuild = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));
const STEP_MS = 15_000;

/** The demo user's display name, as the caret label and the presence list show it. */
async function nameOf(server: TestServer, email: string): Promise<string> {
  const me = await get(server.url, '/api/me', await login(server.url, email));
  return ((await me.json()) as { name: string }).name;
}

/** Signs in through the login page in a browser context of the user's own. */
async function signIn(browser: Browser, server: TestServer, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('careweave-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: STEP_MS });
  } catch {
    // Say what the page said (a form error, a 403…), not just that nothing happened.
    const said = (await page.locator('body').innerText()).trim().slice(0, 300);
    throw new Error(`signing in as ${email} stayed on ${page.url()}, which says: ${said}`);
  }
  return page;
}

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'What matters to me' });

/** Waits until the page shows `text` somewhere inside `selector`. */
async function seeText(page: Page, selector: string, text: string) {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: STEP_MS });
}

describe(`two people editing one plan in the browser (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(webBuild)) throw new Error(`${webBuild} is missing: run \`pnpm build\` first.`);
    server = await startServer();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows each person the other’s words, caret and presence, and keeps the text', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const [person] = await listPeople(server.url, gpCookie);
    const [gpName, nurseName] = await Promise.all([
      nameOf(server, 'gp@demo.test'),
      nameOf(server, 'nurse@demo.test'),
    ]);

    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/people');
    await gp.getByRole('link', { name: person!.name }).click();
    await gp.waitForURL(`**/plans/${person!.planId}`);
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    await nurse.goto(`/plans/${person!.planId}`);

    for (const page of [gp, nurse]) {
      await page
        .getByTestId('connection-status')
        .filter({ hasText: /Live/ })
        .waitFor({ timeout: STEP_MS });
    }

    await editorOf(gp).click();
    await gp.keyboard.press('Control+End');
    await gp.keyboard.type('GP here: medicines review in May.');
    await seeText(nurse, '[role="textbox"]', 'GP here: medicines review in May.');

    await editorOf(nurse).click();
    await nurse.keyboard.press('Control+End');
    await nurse.keyboard.press('Enter');
    await nurse.keyboard.type('Nurse here: foot check booked.');
    await seeText(gp, '[role="textbox"]', 'Nurse here: foot check booked.');

    // Each sees the other's caret, labelled with their name.
    await seeText(gp, '.collaboration-carets__label', nurseName);
    await seeText(nurse, '.collaboration-carets__label', gpName);

    for (const page of [gp, nurse]) {
      const here = page.getByRole('list', { name: 'Who is here' });
      await here.getByText(gpName).waitFor({ timeout: STEP_MS });
      await here.getByText(nurseName).waitFor({ timeout: STEP_MS });
      // Saved once the server has answered for what was typed.
      await page
        .getByTestId('connection-status')
        .filter({ hasText: /Live.*saved/ })
        .waitFor({ timeout: STEP_MS });
    }

    await gp.reload();
    await seeText(gp, '[role="textbox"]', 'GP here: medicines review in May.');
    await seeText(gp, '[role="textbox"]', 'Nurse here: foot check booked.');
    const text = await editorOf(gp).textContent();
    expect(text).toContain('GP here: medicines review in May.');
    expect(text).toContain('Nurse here: foot check booked.');
  });
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { DEMO_PASSWORD } from './clients.js';
import type { TestServer } from './server.js';

const webBuild = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));
/** How long one step in a browser may take before the test says which step hung. */
export const STEP_MS = 15_000;

const browsers = new Set<Browser>();
afterAll(async () => {
  await Promise.all([...browsers].map((b) => b.close()));
});

/** Launches the system Chromium (closed after the file); fails early without a web build. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(webBuild)) throw new Error(`${webBuild} is missing: run \`pnpm build\` first.`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  browsers.add(browser);
  return browser;
}

/** Signs in through the login page in a browser context of the user's own. */
export async function signIn(
  browser: Browser,
  server: TestServer,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  // Wait for hydration: typing before it lands loses the email (see the login page's `value`).
  await page.goto('/login', { waitUntil: 'networkidle' });
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: STEP_MS });
  } catch {
    const said = (await page.locator('body').innerText()).trim().slice(0, 300);
    throw new Error(`signing in as ${email} stayed on ${page.url()}, which says: ${said}`);
  }
  return page;
}

/** Opens a plan and waits until its connection says it is live. */
export async function openPlan(page: Page, planId: string): Promise<void> {
  await page.goto(`/plans/${planId}`);
  await page
    .getByTestId('connection-status')
    .filter({ hasText: /Live/ })
    .first()
    .waitFor({ timeout: STEP_MS });
}

/** The `<section>` whose h2 is `heading`. */
export function sectionOf(page: Page, heading: string): Locator {
  return page.locator('section', {
    has: page.getByRole('heading', { level: 2, name: heading, exact: true }),
  });
}

/** Chooses the option of `select` whose visible text contains `text`, in any case. */
export async function chooseOptionContaining(select: Locator, text: string): Promise<void> {
  const options = await select
    .locator('option')
    // DOM types are not in this package's lib: read the value as an attribute-like property.
    .evaluateAll((nodes) =>
      nodes.map((n) => ({
        value: String((n as unknown as { value: string }).value),
        label: n.textContent ?? '',
      })),
    );
  const match = options.find((o) => o.label.toLowerCase().includes(text.toLowerCase()));
  if (!match) {
    throw new Error(
      `no option containing "${text}"; options are ${options.map((o) => o.label).join(' | ')}`,
    );
  }
  await select.selectOption(match.value);
}

/**
 * What has keyboard focus: its tag and text, for a message that says where it went. A string,
 * evaluated in the page, as this package's TypeScript has no DOM types.
 */
const FOCUSED = `(() => {
  const el = document.activeElement;
  return el ? el.tagName + ': ' + (el.textContent || '').replace(/\\s+/g, ' ').trim() : 'nothing';
})()`;
export const focusedElement = (page: Page) => page.evaluate<string>(FOCUSED);

/**
 * Starts noting what a screen reader would be told on this page: the text of each live region
 * (an alert, a status, an `aria-live` element) as it appears or changes. The same words left in
 * place are not noted again, as they are not read out again. Read them with `announcements`.
 */
export async function listenForAnnouncements(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const LIVE = '[role="alert"], [role="status"], [aria-live]';
    window.__said = [];
    new MutationObserver((records) => {
      const regions = new Set();
      for (const record of records) {
        const at = record.target.nodeType === 1 ? record.target : record.target.parentElement;
        const region = at && at.closest(LIVE);
        if (region) regions.add(region);
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          if (node.matches(LIVE)) regions.add(node);
          node.querySelectorAll(LIVE).forEach((inner) => regions.add(inner));
        }
      }
      for (const region of regions) {
        const text = region.textContent.replace(/\\s+/g, ' ').trim();
        if (text) window.__said.push(text);
      }
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
  })()`);
}

/** What `listenForAnnouncements` has noted so far, oldest first. */
export const announcements = (page: Page) => page.evaluate<string[]>('window.__said');

/** How many times `words` have been announced since `listenForAnnouncements`. */
export async function timesSaid(page: Page, words: string): Promise<number> {
  return (await announcements(page)).filter((said) => said === words).length;
}

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOptionContaining, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson, TODAY } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const itemControl = (page: Page, n: number) => page.getByLabel(new RegExp(`^Item ${n}(?!\\d)`));
const focusedId = (page: Page) => page.evaluate('document.activeElement?.id') as Promise<string>;

/** SvelteKit's serialised form data (devalue) for plain objects, strings and null. */
function serialised(value: unknown): string {
  const out: unknown[] = [];
  const add = (v: unknown): number => {
    const index = out.push(null) - 1;
    if (v && typeof v === 'object') {
      const refs: Record<string, number> = {};
      out[index] = refs;
      for (const [key, inner] of Object.entries(v)) refs[key] = add(inner);
    } else out[index] = v;
    return index;
  };
  add(value);
  return JSON.stringify(out);
}

describe(`the wellbeing form's error summary (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('links each problem to a field that takes the focus', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await page.goto(`/people/${person.id}/measures/new`, { waitUntil: 'networkidle' });
    for (const n of [1, 2, 3, 5, 6, 7]) await chooseOptionContaining(itemControl(page, n), '3');
    await chooseOptionContaining(itemControl(page, 4), '4');

    // No instrument chosen: the browser sends none, as a form whose radios were cleared does.
    await page.evaluate(
      `document.querySelectorAll('input[name=instrument]').forEach((r) => (r.checked = false))`,
    );
    await page.getByRole('button', { name: 'Save scores' }).click();
    const instrumentLink = page.getByRole('link', { name: 'Choose WEMWBS or SWEMWBS' });
    await instrumentLink.waitFor({ timeout: STEP_MS });
    await instrumentLink.click();
    expect(await focusedId(page)).toBe('instrument-SWEMWBS');

    // The form's own checks stop a wrong item count before the service sees it, so the
    // service's refusal ("items") is stood in for: it must still lead to an item.
    await page.getByRole('radio', { name: /^SWEMWBS\b/ }).check();
    await chooseOptionContaining(itemControl(page, 4), 'Choose a score');
    const message = 'SWEMWBS has 7 items: give an answer, or none, for each';
    await page.route('**/measures/new?/save', async (route) => {
      const answers: Record<string, string> = {};
      for (let n = 1; n <= 7; n += 1) answers[`item-${n}`] = n === 4 ? '' : '3';
      const data = {
        values: { instrument: 'SWEMWBS', takenAt: TODAY, answers },
        errors: { items: message },
        message: 'The scores are not right. Check the fields marked.',
      };
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ type: 'failure', status: 400, data: serialised(data) }),
      });
    });
    await page.getByRole('button', { name: 'Save scores' }).click();
    const itemsLink = page.getByRole('link', { name: message });
    await itemsLink.waitFor({ timeout: STEP_MS });
    await itemsLink.click();
    expect(await focusedId(page)).toBe('item-4');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`an action under My actions leads to it in the plan (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('opens the plan at the action, focused, without telling others it is being edited', async () => {
    const browser = await launchBrowser();
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    await nurse.goto('/actions', { waitUntil: 'networkidle' });
    const text = 'Check blood pressure two weeks after the medicine review';
    const link = nurse.getByRole('link', { name: text });
    const href = (await link.getAttribute('href'))!;
    const [path, anchor] = href.split('#');
    expect(anchor).toMatch(/^item-/);

    const navigator = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(navigator, path!.split('/').at(-1)!);

    await link.click();
    await nurse.waitForFunction(
      `document.activeElement && document.activeElement.id === ${JSON.stringify(anchor)}`,
      undefined,
      { timeout: STEP_MS },
    );
    expect(new URL(nurse.url()).pathname).toBe(path);
    const item = nurse.locator(`[id="${anchor}"]`);
    expect(await item.innerText()).toContain(text);
    expect(await item.isVisible()).toBe(true);

    // Arriving is looking, not editing: the navigator is told only once the nurse is in a field.
    const editing = navigator.getByText('Sam Whitfield is editing');
    await navigator.waitForTimeout(1500);
    expect(await editing.count()).toBe(0);
    await nurse.keyboard.press('Tab');
    await editing.waitFor({ timeout: STEP_MS });
    // Focusable for the arrival only: a click on it later does not take the focus.
    expect(await item.getAttribute('tabindex')).toBeNull();
  });
});

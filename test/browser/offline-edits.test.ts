import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'What matters to me' });
const statusOf = (page: Page) => page.getByTestId('connection-status').first();

/** Whether leaving the page now would make the browser ask first. */
const wouldWarnOnLeaving = (page: Page): Promise<boolean> =>
  // A string, as this package is typed without the DOM.
  page.evaluate(
    `(() => { const e = new Event('beforeunload', { cancelable: true }); dispatchEvent(e); return e.defaultPrevented; })()`,
  );

describe(`typing while the network is cut (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('never says "saved" for what the server has not got, warns before leaving, and sends it later', async () => {
    const browser = await launchBrowser();
    const [person] = await listPeople(server.url, await login(server.url, 'gp@demo.test'));
    const gp = await signIn(browser, server, 'gp@demo.test');
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    for (const page of [gp, nurse]) await openPlan(page, person!.planId);
    await statusOf(gp).filter({ hasText: 'all changes saved' }).waitFor({ timeout: STEP_MS });
    expect(await wouldWarnOnLeaving(gp)).toBe(false);

    // Typing on for longer than the wait for confirmation, online, is never "not connected".
    await editorOf(gp).click();
    await gp.keyboard.press('Control+End');
    const typing = gp.keyboard.type(' A long careful sentence, typed slowly by a tired hand.', {
      delay: 130,
    });
    const seen = new Set<string>();
    let done = false;
    void typing.then(() => (done = true));
    while (!done) {
      seen.add(await statusOf(gp).innerText());
      await gp.waitForTimeout(250);
    }
    expect([...seen].filter((text) => text.includes('Not connected'))).toEqual([]);

    // The socket stays open to the browser, but nothing gets through.
    await gp.context().setOffline(true);
    const words = ` Typed with the network cut ${Date.now()}.`;
    await editorOf(gp).click();
    await gp.keyboard.press('Control+End');
    await gp.keyboard.type(words);
    await statusOf(gp).filter({ hasText: 'not saved yet' }).waitFor({ timeout: 10_000 });
    // A screen reader hears it too, not only that the connection is down.
    await gp
      .getByRole('status')
      .filter({ hasText: 'not saved yet: keep this page open' })
      .waitFor({ timeout: STEP_MS });
    expect(await statusOf(gp).innerText()).not.toContain('all changes saved');
    expect(await wouldWarnOnLeaving(gp)).toBe(true);

    await gp.context().setOffline(false);
    await statusOf(gp).filter({ hasText: 'all changes saved' }).waitFor({ timeout: 45_000 });
    // Not merely "Live": the screen reader hears that what was kept is saved now.
    await gp
      .getByRole('status')
      .filter({ hasText: 'Live. The changes made while not connected are saved' })
      .waitFor({ timeout: STEP_MS });
    await editorOf(nurse).filter({ hasText: words.trim() }).waitFor({ timeout: STEP_MS });
    expect(await wouldWarnOnLeaving(gp)).toBe(false);
  });
});

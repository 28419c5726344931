import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, readActions, sharedPlanDocument } from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const focusedText = 'document.activeElement ? document.activeElement.textContent : null';

describe(`marking an action done from the keyboard (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('keeps the focus on the button, which now reopens it, and says what happened', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const watcher = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(watcher);
    const navigator = await me(server.url, navCookie);
    addAction(watcher.doc, { text: 'Ring the falls clinic' }, navigator.id);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    await page.getByRole('button', { name: /^Mark done/ }).focus();
    await page.keyboard.press('Enter');
    await waitFor(() => readActions(watcher.doc)[0]!.status === 'done', 'the action to be done');
    await page
      .getByRole('status')
      .filter({ hasText: 'Marked done: Ring the falls clinic' })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    expect(await page.evaluate(focusedText)).toMatch(/^Reopen/);

    await page.keyboard.press('Enter');
    await waitFor(() => readActions(watcher.doc)[0]!.status === 'open', 'the action reopened');
    await page
      .getByRole('status')
      .filter({ hasText: 'Reopened: Ring the falls clinic' })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    expect(await page.evaluate(focusedText)).toMatch(/^Mark done/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, addGoal, readActions, readGoals, sharedPlanDocument } from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`editing a goal or an action on the plan (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('keeps everything as it was on Cancel, writes it all on Save, and refuses empty text', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const watcher = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(watcher);
    const navigator = await me(server.url, navCookie);
    const goalText = 'In a month I want to be walking to the shops';
    addGoal(
      watcher.doc,
      { text: goalText, horizon: 'month', category: 'physical-health' },
      navigator.id,
    );
    addAction(watcher.doc, { text: 'Ring the falls clinic' }, navigator.id);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);

    // By id: while it is edited, an item's text is in a text box, which hasText does not read.
    const goal = sectionOf(page, 'Aspirations and goals').locator(
      `li[data-item-id="${readGoals(watcher.doc)[0]!.id}"]`,
    );
    await goal.getByRole('button', { name: /^Edit/ }).click();
    await goal.getByLabel('Category').selectOption({ label: 'Housing' });
    await goal.getByLabel('Horizon').selectOption({ label: 'Within a year' });
    await goal.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForTimeout(500);
    expect(readGoals(watcher.doc)[0]).toMatchObject({
      horizon: 'month',
      category: 'physical-health',
    });
    await goal.getByText('Physical health', { exact: true }).waitFor({ timeout: STEP_MS });

    await goal.getByRole('button', { name: /^Edit/ }).click();
    expect(await goal.getByLabel('Category').inputValue()).toBe('physical-health');
    await goal.getByLabel('Category').selectOption({ label: 'Housing' });
    await goal.getByLabel('Goal text').fill('');
    await goal.getByRole('button', { name: 'Save' }).click();
    await goal.getByText('Enter the goal text').waitFor({ timeout: STEP_MS });
    expect(await goal.getByLabel('Goal text').getAttribute('aria-invalid')).toBe('true');
    expect(readGoals(watcher.doc)[0]).toMatchObject({ text: goalText });

    await goal.getByLabel('Goal text').fill(`${goalText} again`);
    await goal.getByRole('button', { name: 'Save' }).click();
    await waitFor(
      () => readGoals(watcher.doc)[0]?.category === 'housing',
      'the goal saved with its new category',
    );
    expect(readGoals(watcher.doc)[0]).toMatchObject({
      text: `${goalText} again`,
      horizon: 'month',
    });

    const action = sectionOf(page, 'Actions').locator(
      `li[data-item-id="${readActions(watcher.doc)[0]!.id}"]`,
    );
    await action.getByRole('button', { name: /^Edit/ }).click();
    await action.getByLabel('Status').selectOption({ label: 'Cancelled' });
    await action.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.waitForTimeout(500);
    expect(readActions(watcher.doc)[0]!.status).toBe('open');
    await action.getByRole('button', { name: /^Mark done/ }).waitFor({ timeout: STEP_MS });
  });
});

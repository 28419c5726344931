import { beforeAll, describe, expect, it } from 'vitest';
import { readActions, sharedPlanDocument } from '@careweave/shared';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`due dates typed on a plan (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('refuses a year typed as two digits, in a new action and an existing one, and keeps the date it had', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const watcher = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(watcher);
    const actions = () => readActions(watcher.doc);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    const section = sectionOf(page, 'Actions');
    await section.getByLabel('Action', { exact: true }).fill('Ring the housing office');
    const due = section.locator('#new-action-due');
    await due.fill('0026-11-01');
    await section.getByRole('button', { name: 'Add action' }).click();
    await section.getByText('Enter the year in full, such as 2027').waitFor({ timeout: STEP_MS });
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    expect(actions()).toEqual([]);

    await due.fill('2026-11-01');
    await section.getByRole('button', { name: 'Add action' }).click();
    await waitFor(() => actions().length === 1, 'the action to arrive');
    expect(actions()[0]!.dueDate).toBe('2026-11-01');

    const item = section.getByRole('listitem').filter({ hasText: 'Ring the housing office' });
    const itemDue = item.getByLabel('Due date');
    await itemDue.fill('0027-01-15');
    await itemDue.blur();
    await item.getByText('Enter the year in full, such as 2027').waitFor({ timeout: STEP_MS });
    expect(actions()[0]!.dueDate).toBe('2026-11-01');
    await item.getByText('Due 1 November 2026').waitFor({ timeout: STEP_MS });

    await itemDue.fill('2027-01-15');
    await waitFor(() => actions()[0]!.dueDate === '2027-01-15', 'the new due date to arrive');
    await itemDue.blur();
    expect(await item.getByText('Enter the year in full').count()).toBe(0);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAction,
  ITEM_TEXT_MAX,
  readActions,
  readBarriers,
  readGoals,
  sharedPlanDocument,
} from '@careweave/shared';
import { me } from '../support/api.js';
import {
  launchBrowser,
  listenForAnnouncements,
  openPlan,
  sectionOf,
  signIn,
  STEP_MS,
  timesSaid,
} from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

/** A text of `length` characters, in words, as someone pasting a letter into the box. */
const wordsOf = (length: number) =>
  'Walk to the shops and back. '.repeat(40).slice(0, length).trim();

describe(`an item's text on the plan (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('is refused past the limit with a message, and what was typed stays in the box', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const watcher = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(watcher);
    const navigator = await me(server.url, navCookie);
    addAction(watcher.doc, { text: 'Ring the falls clinic' }, navigator.id);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    const tooLong = wordsOf(ITEM_TEXT_MAX + 20);
    expect(tooLong.length).toBeGreaterThan(ITEM_TEXT_MAX);

    const goals = sectionOf(page, 'Aspirations and goals');
    await goals.getByLabel("Goal, in the person's words").fill(tooLong);
    await goals.getByRole('button', { name: 'Add goal' }).click();
    const goalMessage = `The goal must be ${ITEM_TEXT_MAX} characters or fewer`;
    await goals.getByText(goalMessage).waitFor({ timeout: STEP_MS });
    expect(await goals.getByLabel("Goal, in the person's words").inputValue()).toBe(tooLong);
    expect(await page.evaluate('document.activeElement?.id')).toBe('new-goal-text');

    const barriers = sectionOf(page, 'Barriers');
    await barriers.getByLabel('Barrier', { exact: true }).fill('Lives alone');
    await barriers.getByLabel('How it will be overcome', { exact: true }).fill(tooLong);
    await barriers.getByRole('button', { name: 'Add barrier' }).click();
    await barriers
      .getByText(`'How it will be overcome' must be ${ITEM_TEXT_MAX} characters or fewer`)
      .waitFor({ timeout: STEP_MS });
    expect(await barriers.getByLabel('Barrier', { exact: true }).inputValue()).toBe('Lives alone');
    expect(await barriers.getByLabel('How it will be overcome', { exact: true }).inputValue()).toBe(
      tooLong,
    );

    const action = sectionOf(page, 'Actions').locator(
      `li[data-item-id="${readActions(watcher.doc)[0]!.id}"]`,
    );
    await action.getByRole('button', { name: /^Edit/ }).click();
    await action.getByLabel('Action text').fill(tooLong);
    await action.getByRole('button', { name: 'Save' }).click();
    await action
      .getByText(`The action text must be ${ITEM_TEXT_MAX} characters or fewer`)
      .waitFor({ timeout: STEP_MS });
    expect(await action.getByLabel('Action text').inputValue()).toBe(tooLong);
    expect(await action.getByLabel('Action text').getAttribute('aria-invalid')).toBe('true');

    // Cut to the limit, each is taken.
    const fits = tooLong.slice(0, ITEM_TEXT_MAX);
    await action.getByLabel('Action text').fill(fits);
    await action.getByRole('button', { name: 'Save' }).click();
    await goals.getByLabel("Goal, in the person's words").fill(fits);
    await goals.getByRole('button', { name: 'Add goal' }).click();
    await waitFor(
      () =>
        readActions(watcher.doc)[0]?.text === fits.trim() && readGoals(watcher.doc).length === 1,
      'the action and the goal saved at the limit',
    );
    expect(readGoals(watcher.doc)[0]!.text).toBe(fits.trim());
    expect(readBarriers(watcher.doc)).toHaveLength(0);
  });

  it('reads a refusal out when Enter is pressed in the field, and again when it is repeated', async () => {
    const cookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, cookie, 'Prevention');
    const watcher = connect(server.wsUrl, sharedPlanDocument(person.planId), cookie);
    await synced(watcher);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    await listenForAnnouncements(page);

    // The focus is already in the field and stays there, so only an alert makes it heard.
    const fields = [
      { id: 'new-goal-text', error: "Enter the goal, in the person's words" },
      { id: 'new-barrier-text', error: 'Enter the barrier' },
      { id: 'new-action-text', error: 'Enter the action' },
    ];
    for (const { id, error } of fields) {
      const field = page.locator(`#${id}`);
      await field.press('Enter');
      await page.getByRole('alert').filter({ hasText: error }).waitFor({ timeout: STEP_MS });
      await field.press('Enter');
      await expect.poll(() => timesSaid(page, error), { timeout: STEP_MS }).toBe(2);
      expect(await page.evaluate('document.activeElement?.id')).toBe(id);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toContain(`${id.slice(0, -5)}-error`);
    }
    expect(readGoals(watcher.doc)).toHaveLength(0);
    expect(readBarriers(watcher.doc)).toHaveLength(0);
    expect(readActions(watcher.doc)).toHaveLength(0);
  });

  it("reads a refusal of an item's edited text out on Enter, and again when repeated", async () => {
    const cookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, cookie, 'Prevention');
    const watcher = connect(server.wsUrl, sharedPlanDocument(person.planId), cookie);
    await synced(watcher);
    const navigator = await me(server.url, cookie);
    addAction(watcher.doc, { text: 'Ring the falls clinic' }, navigator.id);
    const actionId = readActions(watcher.doc)[0]!.id;

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    await listenForAnnouncements(page);

    await page.getByRole('button', { name: 'Edit: Ring the falls clinic' }).click();
    const field = page.locator(`#action-${actionId}-text`);
    await field.fill('');
    await field.press('Enter');
    const error = 'Enter the action text';
    await page.getByRole('alert').filter({ hasText: error }).waitFor({ timeout: STEP_MS });
    await field.press('Enter');
    await expect.poll(() => timesSaid(page, error), { timeout: STEP_MS }).toBe(2);
    expect(await page.evaluate('document.activeElement?.id')).toBe(`action-${actionId}-text`);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe(`action-${actionId}-text-error`);
    expect(readActions(watcher.doc)[0]!.text).toBe('Ring the falls clinic');
  });
});

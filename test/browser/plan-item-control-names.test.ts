import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAction,
  addBarrier,
  addGoal,
  readActions,
  readBarriers,
  readGoals,
  sharedPlanDocument,
} from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { connect, destroy, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the plan's per-item controls (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it("name the item they belong to, so a screen reader says whose 'Status' it is", async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const writer = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(writer);
    const navigator = await me(server.url, navCookie);
    const goalText = 'In a month I want to be walking to the shops on my own';
    addGoal(writer.doc, { text: goalText, horizon: 'month', category: 'wellbeing' }, navigator.id);
    addGoal(
      writer.doc,
      { text: 'Join a choir', horizon: 'year', category: 'wellbeing' },
      navigator.id,
    );
    addBarrier(writer.doc, { text: 'Worried about money', kind: 'debt' }, navigator.id);
    addBarrier(writer.doc, { text: 'Lives alone', kind: 'social-isolation' }, navigator.id);
    addAction(writer.doc, { text: 'Book the walking group' }, navigator.id);
    addAction(writer.doc, { text: 'Ring the debt advice line' }, navigator.id);
    const long =
      'Ask the housing officer about the damp in the back bedroom, the broken boiler and ' +
      'the stairs that are too steep to manage with a stick';
    addAction(writer.doc, { text: long }, navigator.id);
    destroy(writer);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    const named = (role: 'combobox' | 'textbox' | 'button', name: string) =>
      page.getByRole(role, { name, exact: true });
    const one = async (role: 'combobox' | 'textbox' | 'button', name: string) => {
      await named(role, name).waitFor({ timeout: STEP_MS });
      expect(await named(role, name).count(), name).toBe(1);
    };

    await one('combobox', 'Owner of action: Book the walking group');
    await one('textbox', 'Due date of action: Book the walking group');
    await one('combobox', 'For action: Book the walking group');
    // A real space in the words, not one only Chromium adds around a hidden span.
    const ownerLabel = page.locator('label', { hasText: /^Owner/ }).first();
    expect(await ownerLabel.textContent()).toBe('Owner of action: Book the walking group');
    await one('combobox', 'Owner of action: Ring the debt advice line');
    await one('combobox', 'Status of barrier: Worried about money');
    await one('textbox', 'How it will be overcome (barrier: Worried about money)');
    await one('combobox', 'Status of goal: Join a choir');
    await one('textbox', 'Review date of goal: Join a choir');
    await one('combobox', 'Progress (0 to 10) of goal: Join a choir');
    await one('button', 'Record progress: Join a choir');
    await one('button', 'Edit: Book the walking group');
    await one('button', 'Mark done: Book the walking group');
    // A long item is named by its first words, so each control is not a paragraph read aloud.
    await one('combobox', 'Owner of action: Ask the housing officer about the damp in the…');

    // The edit form's own choices say which item they belong to as well.
    await named('button', 'Edit: Join a choir').click();
    await one('combobox', 'Category of goal: Join a choir');
    await one('combobox', 'Horizon of goal: Join a choir');
    await named('button', 'Edit: Worried about money').click();
    await one('combobox', 'Kind of barrier: Worried about money');
    await named('button', 'Edit: Ring the debt advice line').click();
    await one('combobox', 'Status of action: Ring the debt advice line');
    expect(await page.getByRole('textbox', { name: 'Action text', exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Goal text', exact: true }).count()).toBe(1);
  });

  it('remove a goal, barrier or action added by mistake, asked first, with its links', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const writer = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(writer);
    const navigator = await me(server.url, navCookie);
    const doc = writer.doc;
    const walk = addGoal(
      doc,
      { text: 'Walk to the shops', horizon: 'month', category: 'wellbeing' },
      navigator.id,
    );
    const choir = addGoal(
      doc,
      { text: 'Join a choir', horizon: 'year', category: 'wellbeing' },
      navigator.id,
    );
    const fear = addBarrier(
      doc,
      { text: 'Afraid of falling', kind: 'mobility', goalIds: [walk] },
      navigator.id,
    );
    const book = addAction(
      doc,
      { text: 'Book the walking group', link: { kind: 'goal', id: walk } },
      navigator.id,
    );
    const balance = addAction(
      doc,
      { text: 'Balance class', link: { kind: 'barrier', id: fear } },
      navigator.id,
    );

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    const focused = 'document.activeElement?.dataset.itemId ?? document.activeElement?.id';
    const said = (text: string) =>
      page
        .getByRole('status')
        .filter({ hasText: text })
        .waitFor({ state: 'attached', timeout: STEP_MS });

    await page.getByRole('button', { name: 'Remove: Walk to the shops' }).click();
    const question = page.getByRole('group', { name: /^Remove the goal “Walk to the shops”\?/ });
    await question.waitFor({ timeout: STEP_MS });
    expect(await question.locator('p').textContent()).toBe(
      'Remove the goal “Walk to the shops”? Only if it was added by mistake: a goal no longer ' +
        'worked towards is better set to Stopped, or Achieved, so the plan keeps it and its ' +
        'progress. The link to it from 1 action and 1 barrier will be removed.',
    );
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Yes, remove');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached', timeout: STEP_MS });
    expect(readGoals(doc)).toHaveLength(2);

    await page.getByRole('button', { name: 'Remove: Walk to the shops' }).click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await waitFor(() => readGoals(doc).length === 1, 'the goal to be removed');
    await said('Goal removed: Walk to the shops');
    expect(await page.evaluate(focused)).toBe(choir);
    expect(readBarriers(doc)[0]!.goalIds).toEqual([]);
    expect(readActions(doc).find((a) => a.id === book)!.link).toBeNull();
    const actions = sectionOf(page, 'Actions');
    await actions.getByText('For goal:').waitFor({ state: 'detached', timeout: STEP_MS });
    expect(await actions.getByLabel('For action: Book the walking group').inputValue()).toBe('');
    expect(await sectionOf(page, 'Barriers').textContent()).not.toMatch(/Stands in the way/);

    await page.getByRole('button', { name: 'Remove: Afraid of falling' }).click();
    await page
      .getByRole('group', { name: /Overcome.*from 1 action will be removed\.$/ })
      .waitFor({ timeout: STEP_MS });
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await said('Barrier removed: Afraid of falling');
    expect(await page.evaluate(focused)).toBe('barriers-title');
    await waitFor(() => readActions(doc).every((a) => a.link === null), 'the links to go');
    await sectionOf(page, 'Barriers')
      .getByText('No barriers recorded.')
      .waitFor({ timeout: STEP_MS });

    await page.getByRole('button', { name: 'Remove: Book the walking group' }).click();
    await page
      .getByRole('group', { name: /better set to Cancelled, or marked done/ })
      .waitFor({ timeout: STEP_MS });
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await said('Action removed: Book the walking group');
    expect(readActions(doc).map((a) => a.id)).toEqual([balance]);
    expect(await page.evaluate(focused)).toBe(balance);
    destroy(writer);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, addBarrier, addGoal, sharedPlanDocument } from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, destroy, login, synced } from '../support/clients.js';
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
});

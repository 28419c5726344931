import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, addGoal, readGoals, SharedPlan, sharedPlanDocument } from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import {
  addPerson,
  makeReferral,
  providers,
  serviceOf,
  setReferralStatus,
  TAME_VALLEY,
} from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`a voluntary partner's plan page (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('offers their notes and progress on goals to change, and the rest to read', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const navigator = await me(server.url, navCookie);
    const team = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(team);
    addGoal(
      team.doc,
      { text: 'Go to the Tuesday walking group', horizon: 'month', category: 'wellbeing' },
      navigator.id,
    );
    addAction(team.doc, { text: 'Check blood pressure' }, navigator.id);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'partner@demo.test');
    await openPlan(page, person.planId);
    const goals = sectionOf(page, 'Aspirations and goals');
    const goal = goals.getByRole('listitem').filter({ hasText: 'Go to the Tuesday walking group' });
    await goal.waitFor({ timeout: STEP_MS });
    expect(await goal.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await goal.getByLabel('Status').isDisabled()).toBe(true);
    expect(await goals.getByRole('button', { name: 'Add goal' }).count()).toBe(0);
    // Goals, barriers and actions are the team's: a partner is offered none to remove.
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    const actions = sectionOf(page, 'Actions');
    expect(await actions.getByRole('button', { name: /Mark done/ }).isDisabled()).toBe(true);
    const navigatorNotes = page.getByRole('textbox', { name: 'Care navigator notes' });
    expect(await navigatorNotes.getAttribute('aria-readonly')).toBe('true');
    // Partners may not restore a version: the section does not tell them how restoring works.
    expect(await sectionOf(page, 'Versions').innerText()).not.toMatch(/restor/i);

    await goal.getByLabel('Progress (0 to 10)').selectOption('6');
    await goal.getByRole('button', { name: 'Record progress' }).click();
    const partnerNotes = page.getByRole('textbox', { name: 'Voluntary partner notes' });
    expect(await partnerNotes.getAttribute('aria-readonly')).toBeNull();
    await partnerNotes.click();
    await page.keyboard.type('Came to the walk twice');

    await waitFor(
      () => readGoals(team.doc)[0]!.progress.some((p) => p.value === 6),
      'the progress to reach the team',
    );
    await waitFor(
      () => team.doc.getXmlFragment(SharedPlan.partnerNotes).toString().includes('walk twice'),
      'the partner’s notes to reach the team',
    );
  });

  it('points the partner to Referrals to answer a referral shown on the plan', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const { service } = serviceOf(await providers(server.url, navCookie), TAME_VALLEY);
    const reason = `Company on a walk ${Date.now()}`;
    const id = await makeReferral(server.url, navCookie, person.planId, {
      serviceId: service.id,
      reason,
      urgency: 'routine',
    });

    const page = await signIn(await launchBrowser(), server, 'partner@demo.test');
    await openPlan(page, person.planId);
    const card = sectionOf(page, 'Referrals').getByRole('listitem').filter({ hasText: reason });
    const link = card.getByRole('link', { name: 'Referrals' });
    await link.waitFor({ timeout: STEP_MS });
    expect(await link.getAttribute('href')).toBe('/referrals');
    expect(await card.getByRole('button').count()).toBe(0);

    // Once it is finished there is nothing to answer.
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const declined = await setReferralStatus(server.url, partnerCookie, id, {
      status: 'declined',
      note: 'The group is full until March',
    });
    expect(declined.status).toBe(200);
    await openPlan(page, person.planId);
    await card.getByText('Declined', { exact: true }).first().waitFor({ timeout: STEP_MS });
    expect(await link.count()).toBe(0);
  });
});

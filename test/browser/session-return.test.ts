import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { me, sleep } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { DEMO_PASSWORD, listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'What matters to me' });
const statusOf = (page: Page) => page.getByTestId('connection-status').first();

/** Ends the context's session from outside the page, as signing out elsewhere (or idling) does. */
async function endSession(context: BrowserContext): Promise<void> {
  const out = await context.request.post('/api/auth/logout');
  expect(out.status()).toBe(200);
}

/**
 * Types `words` at the end of "What matters to me" while offline, then ends the session and comes
 * back online, waiting until the page says the session has ended.
 */
async function typeOfflineThenLoseSession(page: Page, words: string): Promise<void> {
  await page.context().setOffline(true);
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
  await statusOf(page).filter({ hasText: 'not saved yet' }).waitFor({ timeout: 10_000 });
  await endSession(page.context());
  await page.context().setOffline(false);
  await statusOf(page).filter({ hasText: 'Your session has ended' }).waitFor({ timeout: 45_000 });
}

/** Signs in on a new tab of the same browser, through the link the plan page offers. */
async function signInAgain(plan: Page, email: string): Promise<Page> {
  const link = plan.getByRole('link', { name: /sign in again/ });
  expect(await link.getAttribute('target')).toBe('_blank');
  const [tab] = await Promise.all([plan.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState('networkidle');
  await tab.getByLabel('Email address').fill(email);
  await tab.getByLabel('Password').fill(DEMO_PASSWORD);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await tab.getByRole('heading', { name: 'You are signed in' }).waitFor({ timeout: STEP_MS });
  return tab;
}

describe(`work on a plan outlives the session it was typed in (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;
  let planId: string;
  let nurse: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    planId = (await listPeople(server.url, await login(server.url, 'gp@demo.test')))[0]!.planId;
    nurse = await signIn(browser, server, 'nurse@demo.test');
    await openPlan(nurse, planId);
  });

  it('sends what was typed offline once the same user signs in again in another tab', async () => {
    const pharmacist = await signIn(browser, server, 'pharmacist@demo.test');
    await openPlan(pharmacist, planId);

    const words = ` Typed offline before the session ended ${Date.now()}.`;
    await typeOfflineThenLoseSession(pharmacist, words);
    // Kept, and said to be kept; the section speaks of the session, not of permissions.
    expect(await editorOf(pharmacist).textContent()).toContain(words.trim());
    expect(await statusOf(pharmacist).innerText()).toContain('What you typed is kept');
    const whatMatters = sectionOf(pharmacist, 'What matters to me');
    expect(await whatMatters.innerText()).not.toContain('Read only');
    await whatMatters.getByText('Your session has ended').waitFor({ timeout: STEP_MS });
    const here = pharmacist.getByRole('list', { name: 'Who is here' });
    await here.getByText('(you, not connected)').waitFor({ timeout: STEP_MS });

    const tab = await signInAgain(pharmacist, 'pharmacist@demo.test');
    await tab.close();
    await statusOf(pharmacist)
      .filter({ hasText: 'all changes saved' })
      .waitFor({ timeout: 20_000 });
    await editorOf(nurse).filter({ hasText: words.trim() }).waitFor({ timeout: STEP_MS });
    await here.getByText('(you)', { exact: true }).waitFor({ timeout: STEP_MS });
    await pharmacist.context().close();
  });

  it('keeps a half-typed goal edit and a new goal through the session ending, to save after', async () => {
    const pharmacist = await signIn(browser, server, 'pharmacist@demo.test');
    await openPlan(pharmacist, planId);
    const goals = sectionOf(pharmacist, 'Aspirations and goals');
    const stamp = Date.now();
    const goal = `Walk to the post office ${stamp}`;
    await goals.getByLabel("Goal, in the person's words").fill(goal);
    await goals.getByRole('button', { name: 'Add goal' }).click();
    await goals
      .locator('li', { hasText: goal })
      .getByRole('button', { name: /^Edit/ })
      .click({ timeout: STEP_MS });
    const edited = `Walk to the post office and back ${stamp}`;
    await goals.getByLabel('Goal text').fill(edited);
    const next = `Join the Tuesday walking group ${stamp}`;
    await goals.getByLabel("Goal, in the person's words").fill(next);
    const reason = `Wants company on walks ${stamp}`;
    const referrals = sectionOf(pharmacist, 'Referrals');
    await referrals.getByLabel('Reason', { exact: true }).fill(reason);

    await endSession(pharmacist.context());
    await statusOf(pharmacist)
      .filter({ hasText: 'Your session has ended' })
      .waitFor({ timeout: 45_000 });
    // Longer than the page used to take to drop them.
    await sleep(6_000);
    expect(await goals.getByLabel('Goal text').inputValue()).toBe(edited);
    expect(await goals.getByLabel('Goal text').isDisabled()).toBe(true);
    expect(await goals.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    expect(await goals.getByLabel("Goal, in the person's words").inputValue()).toBe(next);
    expect(await goals.getByRole('button', { name: 'Add goal' }).isDisabled()).toBe(true);
    await goals.getByText('Your session has ended').first().waitFor({ timeout: STEP_MS });
    expect(await referrals.getByLabel('Reason', { exact: true }).inputValue()).toBe(reason);
    expect(await referrals.getByRole('button', { name: 'Send referral' }).isDisabled()).toBe(true);
    await referrals.getByText('Your session has ended').waitFor({ timeout: STEP_MS });

    const tab = await signInAgain(pharmacist, 'pharmacist@demo.test');
    await tab.close();
    await statusOf(pharmacist).filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    expect(await referrals.getByRole('button', { name: 'Send referral' }).isDisabled()).toBe(false);
    await goals.getByRole('button', { name: 'Save' }).click();
    await goals.getByRole('button', { name: 'Add goal' }).click();
    const nurseGoals = sectionOf(nurse, 'Aspirations and goals');
    await nurseGoals.getByText(edited, { exact: true }).waitFor({ timeout: STEP_MS });
    await nurseGoals.getByText(next, { exact: true }).waitFor({ timeout: STEP_MS });
    await pharmacist.context().close();
  });

  it('never sends the work under the name of someone else who signs in instead', async () => {
    const pharmacist = await signIn(browser, server, 'pharmacist@demo.test');
    await openPlan(pharmacist, planId);
    const [pharmacistMe, partnerMe] = await Promise.all([
      me(server.url, await login(server.url, 'pharmacist@demo.test')),
      me(server.url, await login(server.url, 'partner@demo.test')),
    ]);

    const words = ` Only the pharmacist may send this ${Date.now()}.`;
    await typeOfflineThenLoseSession(pharmacist, words);

    await signInAgain(pharmacist, 'partner@demo.test');
    await statusOf(pharmacist)
      .filter({ hasText: `${partnerMe.name} is signed in in this browser` })
      .waitFor({ timeout: 20_000 });
    const said = await statusOf(pharmacist).innerText();
    expect(said).toContain(`What ${pharmacistMe.name} typed here is kept`);
    expect(said).toContain('cannot be sent by someone else');
    // Several rounds of asking who is signed in: still nothing sent.
    await sleep(8_000);
    expect(await statusOf(pharmacist).innerText()).not.toContain('Live');
    expect(await editorOf(pharmacist).textContent()).toContain(words.trim());
    expect(await editorOf(nurse).textContent()).not.toContain(words.trim());
    await pharmacist.context().close();
  });
});

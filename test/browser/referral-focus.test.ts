import { beforeAll, describe, expect, it } from 'vitest';
import {
  chooseOptionContaining,
  focusedElement as focused,
  launchBrowser,
  openPlan,
  sectionOf,
  signIn,
  STEP_MS,
} from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson, makeReferral, providers, serviceOf } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

/** Heatons Money Advice has no staff signing in: the team records its answers. */
const NO_LOGIN = 'Heatons Money Advice';

// SvelteKit puts focus back on the page body after a form is answered: a keyboard or
// screen-reader user would start again from the top after every referral sent or moved on.

describe(`referrals from the keyboard (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('puts focus on the referral just made, not back at the top of the page', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);

    const section = sectionOf(page, 'Referrals');
    await chooseOptionContaining(section.getByLabel('Service', { exact: true }), 'Housing advice');
    await section.getByLabel('Reason', { exact: true }).fill('Letter about rent arrears');
    await section.getByRole('button', { name: 'Send referral' }).focus();
    await page.keyboard.press('Enter');
    await section
      .getByRole('listitem')
      .filter({ hasText: 'Letter about rent arrears' })
      .waitFor({ timeout: STEP_MS });
    await expect
      .poll(() => focused(page), { timeout: STEP_MS })
      .toBe('P: Housing advice drop-in, Stockport Housing Help Sent');
  });

  it('puts focus back on the referral, on the plan and on Referrals', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const { service } = serviceOf(await providers(server.url, navCookie), NO_LOGIN);
    const reason = `Bailiff letters ${Date.now()}`;
    await makeReferral(server.url, navCookie, person.planId, {
      serviceId: service.id,
      reason,
      urgency: 'routine',
    });
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');

    await openPlan(page, person.planId);
    const onPlan = sectionOf(page, 'Referrals').getByRole('listitem').filter({ hasText: reason });
    await onPlan.getByRole('button', { name: 'Mark accepted' }).focus();
    await page.keyboard.press('Enter');
    await onPlan.getByRole('button', { name: 'Mark in progress' }).waitFor({ timeout: STEP_MS });
    await expect.poll(() => focused(page), { timeout: STEP_MS }).toMatch(/^P: .*Accepted$/);

    await page.goto('/referrals', { waitUntil: 'networkidle' });
    const card = page.getByRole('listitem').filter({ hasText: reason });
    await card.getByRole('button', { name: 'Mark in progress' }).focus();
    await page.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Mark completed' }).waitFor({ timeout: STEP_MS });
    const heading = new RegExp(`^H2: ${person.name} to `);
    await expect.poll(() => focused(page), { timeout: STEP_MS }).toMatch(heading);

    // Completed, the form and its buttons are gone: focus stays with the referral.
    await card.getByRole('button', { name: 'Mark completed' }).focus();
    await page.keyboard.press('Enter');
    await card.getByText('Completed', { exact: true }).first().waitFor({ timeout: STEP_MS });
    await expect.poll(() => focused(page), { timeout: STEP_MS }).toMatch(heading);
  });
});

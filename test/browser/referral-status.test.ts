import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, me } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { login, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import {
  addPerson,
  makeReferral,
  providers,
  serviceOf,
  TAME_VALLEY,
  type Referral,
} from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

/** Heatons Money Advice has no staff signing in to Careweave: only the team can move its referrals. */
const NO_LOGIN = 'Heatons Money Advice';

describe(`keeping a referral's status up to date (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  async function referralTo(provider: string, reason: string) {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const { service } = serviceOf(await providers(server.url, navCookie), provider);
    const id = await makeReferral(server.url, navCookie, person.planId, {
      serviceId: service.id,
      reason,
      urgency: 'routine',
    });
    const now = async () =>
      (
        await getJson<Referral[]>(server.url, `/api/plans/${person.planId}/referrals`, navCookie)
      ).find((r) => r.id === id)!;
    return { person, now };
  }

  const cardOf = (within: Page | Locator, reason: string): Locator =>
    within.getByRole('listitem').filter({ hasText: reason });

  it('lets the care navigator record a provider’s answer, on the plan and on Referrals', async () => {
    const reason = `Arrears on the gas ${Date.now()}`;
    const { person, now } = await referralTo(NO_LOGIN, reason);
    const navigator = await me(server.url, navCookie);
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');

    await openPlan(page, person.planId);
    const card = cardOf(sectionOf(page, 'Referrals'), reason);
    await card.getByLabel('Note').fill('Jo at the advice line has taken it on');
    await card.getByRole('button', { name: 'Mark accepted' }).click();
    await card.getByText('Accepted', { exact: true }).first().waitFor({ timeout: STEP_MS });
    await card.getByRole('button', { name: 'Mark in progress' }).waitFor({ timeout: STEP_MS });
    const accepted = await now();
    expect(accepted.status).toBe('accepted');
    expect(accepted.events.at(-1)).toMatchObject({
      status: 'accepted',
      note: 'Jo at the advice line has taken it on',
      by: { id: navigator.id },
    });

    await page.goto('/referrals', { waitUntil: 'networkidle' });
    const listed = cardOf(page, reason);
    await listed.getByRole('button', { name: 'Mark in progress' }).click();
    await listed.getByRole('button', { name: 'Mark completed' }).click();
    await waitFor(async () => (await now()).status === 'completed', 'the referral completed');
    await listed.getByText('Completed', { exact: true }).first().waitFor({ timeout: STEP_MS });
    expect(await listed.getByRole('button').count()).toBe(0);
  });

  it('offers the team only withdrawal of a referral whose provider’s staff update it themselves', async () => {
    const reason = `Someone to walk with ${Date.now()}`;
    const { person, now } = await referralTo(TAME_VALLEY, reason);
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    const ownHint = `${TAME_VALLEY}'s staff update this referral themselves`;

    await openPlan(page, person.planId);
    const card = cardOf(sectionOf(page, 'Referrals'), reason);
    await card.getByText(ownHint).waitFor({ timeout: STEP_MS });
    expect(await card.getByRole('button').allTextContents()).toEqual(['Withdraw']);
    await card.getByText('To withdraw, say why.').waitFor({ timeout: STEP_MS });
    await card.getByRole('button', { name: 'Withdraw' }).click();
    await card
      .getByRole('alert')
      .filter({ hasText: 'Say why the referral is withdrawn' })
      .waitFor({ timeout: STEP_MS });
    expect((await now()).status).toBe('sent');

    await page.goto('/referrals', { waitUntil: 'networkidle' });
    const listed = cardOf(page, reason);
    await listed.getByText(ownHint).waitFor({ timeout: STEP_MS });
    expect(await listed.getByRole('button').allTextContents()).toEqual(['Withdraw']);
    await listed.getByLabel('Note').fill('Ada would rather wait until the spring');
    await listed.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByRole('status').filter({ hasText: 'Referral withdrawn' }).waitFor({
      state: 'attached',
      timeout: STEP_MS,
    });
    await listed.getByText('Withdrawn', { exact: true }).first().waitFor({ timeout: STEP_MS });
    expect(await listed.getByRole('button').count()).toBe(0);
    expect((await now()).events.at(-1)).toMatchObject({
      status: 'withdrawn',
      note: 'Ada would rather wait until the spring',
    });
  });

  it('shows a partner why a long note was refused, at the note, and keeps what they wrote', async () => {
    const reason = `Company on a walk ${Date.now()}`;
    const { now } = await referralTo(TAME_VALLEY, reason);
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'partner@demo.test');
    await page.goto('/referrals', { waitUntil: 'networkidle' });
    const card = cardOf(page, reason);
    const note = 'We can start next week. '.repeat(90);
    expect(note.trim().length).toBeGreaterThan(2000);
    await card.getByLabel('Note').fill(note);
    await card.getByRole('button', { name: 'Accept', exact: true }).click();

    await card.getByText('The note must be 2000 characters or fewer').waitFor({ timeout: STEP_MS });
    expect(await card.getByLabel('Note').getAttribute('aria-invalid')).toBe('true');
    expect(await card.getByLabel('Note').inputValue()).toBe(note);
    expect((await now()).status).toBe('sent');
  });

  it('asks a partner who declines to say why, at the note, and declines once they have', async () => {
    const reason = `Gentle exercise ${Date.now()}`;
    const { now } = await referralTo(TAME_VALLEY, reason);
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'partner@demo.test');
    await page.goto('/referrals', { waitUntil: 'networkidle' });
    const card = cardOf(page, reason);
    const note = card.getByLabel('Note');
    expect(await note.getAttribute('aria-describedby')).toContain('-hint');
    await card.getByText('To decline, say why.').waitFor({ timeout: STEP_MS });
    await card.getByRole('button', { name: 'Decline' }).click();

    await card
      .getByRole('alert')
      .filter({ hasText: 'Say why the referral is declined' })
      .waitFor({ timeout: STEP_MS });
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    expect((await now()).status).toBe('sent');

    await note.fill('Our group meets upstairs, and there is no lift');
    await card.getByRole('button', { name: 'Decline' }).click();
    await waitFor(async () => (await now()).status === 'declined', 'the referral declined');
    expect((await now()).events.at(-1)!.note).toBe(
      'Our group meets upstairs, and there is no lift',
    );
  });
});

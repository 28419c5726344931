import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, me } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import {
  addPerson,
  makeReferral,
  providers,
  serviceOf,
  setReferralStatus,
  type Referral,
} from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

/** No staff of Heatons Money Advice sign in: anyone in the care team records its answers. */
const NO_LOGIN = 'Heatons Money Advice';

describe(`a referral moved by someone else while the plan is open (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  let nurseCookie: string;
  let nurseName: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
    nurseCookie = await login(server.url, 'nurse@demo.test');
    nurseName = (await me(server.url, nurseCookie)).name;
  });

  /** A new person's plan with one referral, open in the navigator's browser, still "Sent". */
  async function openWithReferral(reason: string) {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const { service } = serviceOf(await providers(server.url, navCookie), NO_LOGIN);
    const id = await makeReferral(server.url, navCookie, person.planId, {
      serviceId: service.id,
      reason,
      urgency: 'routine',
    });
    const page = await signIn(await launchBrowser(), server, 'navigator@demo.test');
    await page.clock.install();
    await openPlan(page, person.planId);
    const card = sectionOf(page, 'Referrals').getByRole('listitem').filter({ hasText: reason });
    await card.getByRole('button', { name: 'Mark accepted' }).waitFor({ timeout: STEP_MS });
    const now = async () =>
      (
        await getJson<Referral[]>(server.url, `/api/plans/${person.planId}/referrals`, navCookie)
      ).find((r) => r.id === id)!;
    return { id, page, card, now };
  }

  const tag = (card: Locator, label: string) =>
    card.locator('strong.tag').filter({ hasText: new RegExp(`^${label}$`) });

  async function press(card: Locator, button: string, note: string) {
    await card.getByLabel('Note').fill(note);
    await card.getByRole('button', { name: button }).click();
  }

  it('shows it declined, who declined it and when, and keeps the note, after a refused accept', async () => {
    const reason = `Council tax arrears ${Date.now()}`;
    const { id, card, now } = await openWithReferral(reason);
    const declined = await setReferralStatus(server.url, nurseCookie, id, {
      status: 'declined',
      note: 'They cannot take anyone new this month',
    });
    expect(declined.status).toBe(200);

    const note = 'Rang the advice line: Jo says yes';
    await press(card, 'Mark accepted', note);
    const alert = card.getByRole('alert');
    await alert.filter({ hasText: 'cannot move to accepted' }).waitFor({ timeout: STEP_MS });
    expect(await alert.innerText()).toMatch(
      new RegExp(
        `^${nurseName} marked this referral as declined on \\d+ \\w+ \\d{4} at \\d\\d:\\d\\d\\.`,
      ),
    );
    await tag(card, 'Declined').waitFor({ timeout: STEP_MS });
    expect(await tag(card, 'Sent').count()).toBe(0);
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await card.getByText('Your note was not saved').innerText()).toContain(note);
    expect((await now()).status).toBe('declined');
  });

  it('shows it accepted and offers the next step with the note still in it, after a refused decline', async () => {
    const reason = `Fuel debt ${Date.now()}`;
    const { id, card, now } = await openWithReferral(reason);
    expect(
      (await setReferralStatus(server.url, nurseCookie, id, { status: 'accepted' })).status,
    ).toBe(200);

    const note = 'Client would rather wait until spring';
    await press(card, 'Mark declined', note);
    await card
      .getByRole('alert')
      .filter({ hasText: `${nurseName} marked this referral as accepted on` })
      .waitFor({ timeout: STEP_MS });
    await tag(card, 'Accepted').waitFor({ timeout: STEP_MS });
    await card.getByRole('button', { name: 'Mark in progress' }).waitFor({ timeout: STEP_MS });
    expect(await card.getByRole('button', { name: 'Mark declined' }).count()).toBe(0);
    expect(await card.getByLabel('Note').inputValue()).toBe(note);
    const seen = await now();
    expect(seen.status).toBe('accepted');
    expect(seen.events.map((e) => e.status)).toEqual(['sent', 'accepted']);
  });

  it('brings the open plan up to date in the background, but not under a note being written', async () => {
    const reason = `Benefits check ${Date.now()}`;
    const { id, page, card } = await openWithReferral(reason);
    await card.getByLabel('Note').fill('Half-written');
    expect(
      (await setReferralStatus(server.url, nurseCookie, id, { status: 'accepted' })).status,
    ).toBe(200);
    await page.clock.fastForward(31_000);
    await page.waitForTimeout(500);
    expect(await tag(card, 'Sent').count()).toBe(1);

    await card.getByLabel('Note').fill('');
    await page.clock.fastForward(31_000);
    await tag(card, 'Accepted').waitFor({ timeout: STEP_MS });
    await card.getByRole('button', { name: 'Mark in progress' }).waitFor({ timeout: STEP_MS });
  });
});

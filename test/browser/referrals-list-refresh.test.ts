import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
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

describe(`the Referrals page left open (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('shows a partner new referrals and moves made elsewhere, but not under a note being written', async () => {
    const { service } = serviceOf(await providers(server.url, navCookie), TAME_VALLEY);
    const refer = async (reason: string) => {
      const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
      const id = await makeReferral(server.url, navCookie, person.planId, {
        serviceId: service.id,
        reason,
        urgency: 'routine',
      });
      return { id, person };
    };
    const first = await refer(`Walking group ${Date.now()}`);

    const page = await signIn(await launchBrowser(), server, 'partner@demo.test');
    await page.clock.install();
    await page.goto('/referrals', { waitUntil: 'networkidle' });
    const list = page.getByRole('list', { name: 'Referrals' });
    const card = (name: string) => list.getByRole('listitem').filter({ hasText: name });
    await card(first.person.name).waitFor({ timeout: STEP_MS });

    const second = await refer(`Allotment volunteering ${Date.now()}`);
    await page.clock.fastForward(31_000);
    await card(second.person.name).waitFor({ timeout: STEP_MS });

    // Declined from another tab while a note is being written on it here.
    await card(first.person.name).getByLabel('Note').fill('Rang them this morning');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const moved = await setReferralStatus(server.url, partnerCookie, first.id, {
      status: 'declined',
      note: 'No places until March',
    });
    expect(moved.status).toBe(200);
    await page.clock.fastForward(31_000);
    await page.waitForTimeout(500);
    expect(await card(first.person.name).getByText('Declined', { exact: true }).count()).toBe(0);

    await card(first.person.name).getByLabel('Note').fill('');
    await page.clock.fastForward(31_000);
    await card(first.person.name)
      .getByText('Declined', { exact: true })
      .first()
      .waitFor({ timeout: STEP_MS });
  });
});

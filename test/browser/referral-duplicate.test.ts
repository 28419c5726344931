import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import {
  chooseOptionContaining,
  launchBrowser,
  openPlan,
  sectionOf,
  signIn,
  STEP_MS,
} from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import {
  addPerson,
  makeReferral,
  providers,
  serviceOf,
  type Referral,
} from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const MONEY_ADVICE = 'Heatons Money Advice';

describe(`referring to a service someone else has just referred to (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('says who referred them already, shows that referral, and keeps what was typed', async () => {
    const person = await addPerson(server.url, navCookie, 'Recovery', { consent: true });
    const page = await signIn(await launchBrowser(), server, 'nurse@demo.test');
    await openPlan(page, person.planId);
    const referrals = sectionOf(page, 'Referrals');

    // Sent by the navigator after the nurse's page loaded.
    const { service } = serviceOf(await providers(server.url, navCookie), MONEY_ADVICE);
    await makeReferral(server.url, navCookie, person.planId, {
      serviceId: service.id,
      reason: 'Arrears on the electricity',
      urgency: 'routine',
    });

    await chooseOptionContaining(page.getByLabel('Service'), MONEY_ADVICE);
    await page.getByLabel('Reason').fill('Rent arrears since the spring');
    await page.getByRole('button', { name: 'Send referral' }).click();

    await page
      .locator('#referral-service-error')
      .getByText(`Jo Hartley referred ${person.name} to ${service.name} (${MONEY_ADVICE}) on`)
      .waitFor({ timeout: STEP_MS });
    await referrals
      .getByRole('listitem')
      .filter({ hasText: 'Arrears on the electricity' })
      .waitFor({ timeout: STEP_MS });
    expect(await page.getByLabel('Reason').inputValue()).toBe('Rent arrears since the spring');
    const sent = await getJson<Referral[]>(
      server.url,
      `/api/plans/${person.planId}/referrals`,
      navCookie,
    );
    expect(sent.map((r) => r.reason)).toEqual(['Arrears on the electricity']);
  });
});

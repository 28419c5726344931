import { beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson, makeReferral, providers, serviceOf, TAME_VALLEY } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`a partner answering a referral whose person has just withdrawn consent (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('says why nothing was recorded, and keeps the note, though the referral has gone', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const { service } = serviceOf(await providers(server.url, navCookie), TAME_VALLEY);
    const reason = `Company on a walk ${Date.now()}`;
    await makeReferral(server.url, navCookie, person.planId, {
      serviceId: service.id,
      reason,
      urgency: 'routine',
    });

    const page = await signIn(await launchBrowser(), server, 'partner@demo.test');
    await page.goto('/referrals', { waitUntil: 'networkidle' });
    const card = page.getByRole('listitem').filter({ hasText: reason });
    const note = 'Rang Ada: first walk on Tuesday';
    await card.getByLabel('Note').fill(note);

    const withdrawn = await send(server.url, 'PATCH', `/api/people/${person.id}`, navCookie, {
      consentToShare: false,
    });
    expect(withdrawn.status).toBe(200);
    await card.getByRole('button', { name: 'Accept', exact: true }).click();

    const gone = page.getByTestId('referral-gone');
    await gone.waitFor({ timeout: STEP_MS });
    expect(await gone.getAttribute('role')).toBe('alert');
    expect(await gone.innerText()).toMatch(/no longer on this list, so nothing was recorded/);
    expect(await gone.innerText()).toContain(note);
    expect(await card.count()).toBe(0);
  });
});

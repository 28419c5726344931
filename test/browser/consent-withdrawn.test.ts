import { beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`consent withdrawn while a partner has the plan open (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('cuts the partner off at once, says why, and their reload shows no plan', async () => {
    const browser = await launchBrowser();
    const gpCookie = await login(server.url, 'gp@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const [person] = await listPeople(server.url, partnerCookie);
    const partner = await signIn(browser, server, 'partner@demo.test');
    await openPlan(partner, person!.planId);

    const withdrawn = await send(server.url, 'PATCH', `/api/people/${person!.id}`, gpCookie, {
      consentToShare: false,
    });
    expect(withdrawn.status).toBe(200);
    try {
      // Well inside the 30 s heartbeat: withdrawing consent holds at once.
      const status = partner.getByTestId('connection-status').first();
      await status.filter({ hasText: 'Your access to this plan has changed' }).waitFor({
        timeout: 5_000,
      });
      // What they may no longer see leaves the screen with the connection.
      await partner.getByText('its content is no longer shown here').waitFor({ timeout: STEP_MS });
      expect(await partner.getByRole('textbox', { name: 'What matters to me' }).count()).toBe(0);
      // Nor who the person is: not their NHS number, nor their name in the tab.
      expect(await partner.locator('body').innerText()).not.toMatch(/999 000 \d{4}/);
      expect(await partner.title()).not.toContain(person!.name);
      await partner.getByRole('link', { name: 'reload the page' }).click();
      await partner.getByText('does not exist, or you do not have access').waitFor({
        timeout: STEP_MS,
      });
    } finally {
      await send(server.url, 'PATCH', `/api/people/${person!.id}`, gpCookie, {
        consentToShare: true,
      });
    }
  });

  it('says on the person’s details whether consent was last given or withdrawn, and by whom', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const person = await addPerson(server.url, gpCookie, 'Recovery', { consent: true });
    const gp = await signIn(await launchBrowser(), server, 'gp@demo.test');
    const note = (state: string) =>
      gp.getByText(`Consent to share was ${state}, as recorded by Dr Amara Okafor on`);
    await gp.goto(`/people/${person.id}/edit`, { waitUntil: 'networkidle' });
    await note('given').waitFor({ timeout: STEP_MS });
    // The note follows the hint's last sentence as a sentence of its own.
    expect(await gp.locator('#consentToShare-hint').innerText()).toContain(
      'They never see clinical sections. Consent to share was given,',
    );

    const withdrawn = await send(server.url, 'PATCH', `/api/people/${person.id}`, gpCookie, {
      consentToShare: false,
    });
    expect(withdrawn.status).toBe(200);
    await gp.reload({ waitUntil: 'networkidle' });
    await note('withdrawn').waitFor({ timeout: STEP_MS });
  });
});

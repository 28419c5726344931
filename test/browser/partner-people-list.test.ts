import { beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

// A partner's list holds only the people who consented to share: it must say so, and never tell
// them the team has nobody in it when it is only that nobody has consented yet.

describe(`a voluntary partner's list of people (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says it holds those who consented, and that nobody has when none has', async () => {
    const browser = await launchBrowser();
    const partner = await signIn(browser, server, 'partner@demo.test');
    await partner.goto('/people', { waitUntil: 'networkidle' });
    await partner
      .getByText('You see the people who have agreed to share their plan')
      .waitFor({ timeout: STEP_MS });

    const navCookie = await login(server.url, 'navigator@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    for (const person of await listPeople(server.url, partnerCookie)) {
      const res = await send(server.url, 'PATCH', `/api/people/${person.id}`, navCookie, {
        consentToShare: false,
      });
      expect(res.status, person.name).toBe(200);
    }
    expect(await listPeople(server.url, partnerCookie)).toEqual([]);
    expect((await listPeople(server.url, navCookie)).length).toBeGreaterThan(3);

    await partner.goto('/people', { waitUntil: 'networkidle' });
    await partner
      .getByText('Nobody in your neighbourhood teams has agreed to share their plan')
      .waitFor({ timeout: STEP_MS });
    expect(await partner.getByText('There is nobody in your neighbourhood teams').count()).toBe(0);
  });
});

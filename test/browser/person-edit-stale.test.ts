import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, send, type PersonDetail } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`saving a person's details from a form opened before someone else's change (${databaseBackend})`, () => {
  let server: TestServer;
  let gpCookie: string;
  beforeAll(async () => {
    server = await startServer();
    gpCookie = await login(server.url, 'gp@demo.test');
  });

  const personNow = (id: string) =>
    getJson<PersonDetail>(server.url, `/api/people/${id}`, gpCookie);
  const change = (id: string, body: object) =>
    send(server.url, 'PATCH', `/api/people/${id}`, gpCookie, body);

  it('never gives back consent withdrawn meanwhile, and refuses a clashing change', async () => {
    const browser = await launchBrowser();
    const [person] = await listPeople(server.url, gpCookie);
    const id = person!.id;
    try {
      const navigator = await signIn(browser, server, 'navigator@demo.test');
      await navigator.goto(`${server.url}/people/${id}/edit`);
      const consent = navigator.getByLabel('Consent to share with voluntary-sector partners');
      expect(await consent.isChecked()).toBe(true);

      expect((await change(id, { consentToShare: false })).status).toBe(200);
      await navigator.getByLabel('GP practice').fill('Bramhall Health Centre');
      await navigator.getByRole('button', { name: 'Save details' }).click();
      await navigator.waitForURL((url) => url.pathname === `/plans/${person!.planId}`, {
        timeout: STEP_MS,
      });
      const saved = await personNow(id);
      expect(saved.gpPractice).toBe('Bramhall Health Centre');
      expect(saved.consentToShare).toBe(false);

      // Both change the practice: the form says so and shows the other change to check.
      await navigator.goto(`${server.url}/people/${id}/edit`);
      expect((await change(id, { gpPractice: 'Marple Medical Practice' })).status).toBe(200);
      await navigator.getByLabel('GP practice').fill('Woodley Health Centre');
      await navigator.getByRole('button', { name: 'Save details' }).click();
      await navigator
        .getByText('Someone else changed this after you opened this form')
        .first()
        .waitFor({ timeout: STEP_MS });
      expect(await navigator.getByLabel('GP practice').inputValue()).toBe(
        'Marple Medical Practice',
      );
      expect((await personNow(id)).gpPractice).toBe('Marple Medical Practice');
      // Saved again once checked, it takes.
      await navigator.getByLabel('GP practice').fill('Woodley Health Centre');
      await navigator.getByRole('button', { name: 'Save details' }).click();
      await navigator.waitForURL((url) => url.pathname === `/plans/${person!.planId}`, {
        timeout: STEP_MS,
      });
      expect((await personNow(id)).gpPractice).toBe('Woodley Health Centre');
    } finally {
      await change(id, { consentToShare: true });
      await browser.close();
    }
  });
});

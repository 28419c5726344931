import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import {
  addMonths,
  addPerson,
  measuresOf,
  recordMeasure,
  same,
  TODAY,
} from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`removing a wellbeing measure from the plan (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('asks first, then the plan no longer counts it as the follow-up', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const baseline = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: addMonths(TODAY, -4),
    });
    // Entered against this person by mistake.
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'WEMWBS',
      items: same(14, 5),
      takenAt: TODAY,
    });

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await page.goto(`/plans/${person.planId}`);
    const wellbeing = sectionOf(page, 'Wellbeing');
    await wellbeing.getByText('Follow-up done').waitFor({ timeout: STEP_MS });
    await wellbeing.getByRole('link', { name: /Remove if entered in error \(WEMWBS/ }).click();

    await page
      .getByRole('heading', { name: 'Remove a wellbeing measure entered in error?' })
      .waitFor({ timeout: STEP_MS });
    expect(await page.locator('main').innerText()).toMatch(/WEMWBS, taken .+\s+Score\s+70/);
    await page.getByRole('button', { name: 'Remove this measure' }).click();

    await page.waitForURL(`**/plans/${person.planId}#wellbeing-title`, { timeout: STEP_MS });
    await wellbeing.getByText('Overdue').waitFor({ timeout: STEP_MS });
    const latest = wellbeing.getByRole('list', { name: 'Latest wellbeing measures' });
    expect(await latest.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^SWEMWBS, .+: score 19\.25/),
    ]);
    const left = await measuresOf(server.url, navCookie, person.id);
    expect(left.measures.map((m) => m.id)).toEqual([baseline.id]);
  });

  it('offers no removal to a voluntary partner', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const measure = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 4),
    });
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'partner@demo.test');
    await page.goto(`/plans/${person.planId}`);
    const wellbeing = sectionOf(page, 'Wellbeing');
    await wellbeing
      .getByRole('list', { name: 'Latest wellbeing measures' })
      .waitFor({ timeout: STEP_MS });
    expect(await wellbeing.getByRole('link', { name: /Remove/ }).count()).toBe(0);
    const res = await page.goto(`/people/${person.id}/measures/${measure.id}/remove`);
    expect(res?.status()).toBe(403);
  });
});

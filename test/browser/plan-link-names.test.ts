import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { signOffPlan } from '../support/meetings.js';
import { addPerson, recordMeasure, same } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the plan page's links and buttons about one thing (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('read as words, with no stray or missing space beside the hidden part', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const person = await addPerson(server.url, navCookie, 'Recovery');
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: '2026-11-02',
    });
    const label = 'Agreed at Heatons MDT, 23 Nov 2026';
    await signOffPlan(server.url, gpCookie, person.planId, label);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'gp@demo.test');
    await openPlan(page, person.planId);
    const versions = sectionOf(page, 'Versions');
    for (const [role, name] of [
      ['link', `View: ${label}`],
      ['link', `Compare with now: ${label}`],
      ['button', `Restore this version: ${label}`],
    ] as const) {
      await versions.getByRole(role, { name, exact: true }).waitFor({ timeout: STEP_MS });
    }

    // Chromium adds a space around a hidden span; other browsers read its text as it is, so
    // the space must be in the text itself.
    const remove = sectionOf(page, 'Wellbeing').getByRole('link', { name: /^Remove if entered/ });
    expect((await remove.textContent())?.replace(/\s+/g, ' ')).toBe(
      'Remove if entered in error (SWEMWBS, 2 November 2026)',
    );
    const editDetails = page.getByRole('link', { name: /^Edit details/ });
    expect(await editDetails.textContent()).toBe(`Edit details of ${person.name}`);
  });
});

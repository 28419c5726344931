import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

const inLondon = (at: Date) =>
  at.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

describe(`the meetings list, for a meeting held early (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('lists it, and heads its page, with the day it was held, saying the day it was planned for', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const [person] = await listPeople(server.url, cookie);
    const planned = daysFromNow(10);
    const early = await createMeeting(server.url, cookie, planned, 'Held early, room 1');
    const between = await createMeeting(server.url, cookie, daysFromNow(5), 'Between, room 2');
    await addCase(server.url, cookie, early, { personId: person!.id });
    await chairStep(server.url, cookie, early, 'start');
    const heldOn = new Date();

    const page = await signIn(browser, server, 'gp@demo.test');
    await page.goto('/meetings', { waitUntil: 'networkidle' });
    const rows = page.getByRole('row');
    const earlyRow = rows.filter({ hasText: 'Held early, room 1' });
    await earlyRow.waitFor({ timeout: STEP_MS });
    const cell = await earlyRow.getByRole('cell').first().innerText();
    expect(cell.startsWith(`${inLondon(heldOn)} at `)).toBe(true);
    expect(cell).toContain(`Planned for ${inLondon(planned)}`);

    // Held today, so listed before a meeting planned for sooner than its planned day.
    const order = (await rows.allInnerTexts()).filter(
      (text) => text.includes('Held early') || text.includes('Between'),
    );
    expect(order.map((text) => (text.includes('Held early') ? early : between))).toEqual([
      early,
      between,
    ]);

    // Its own page is headed with the day it was held too, and says when it was planned.
    await earlyRow.getByRole('link').click();
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: inLondon(heldOn) }).waitFor({ timeout: STEP_MS });
    const details = await page.locator('dl.details').innerText();
    expect(details).toMatch(new RegExp(`Planned for\\s+${inLondon(planned)} at `));
  });
});

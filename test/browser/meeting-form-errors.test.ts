import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { createMeeting, daysFromNow } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

/** What has the focus: its role and text, as a screen reader would start to read it. */
const focused = (page: Page) =>
  page.evaluate(
    'document.activeElement && `${document.activeElement.getAttribute("role")}: ${document.activeElement.innerText.trim().replace(/\\s+/g, " ")}`',
  );

describe(`refused meeting forms, for keyboard and screen-reader users (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('takes the focus to a summary of what to fix, linked to the field', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(3));
    const chair = await signIn(browser, server, 'gp@demo.test');

    // Scheduling with no date.
    await chair.goto('/meetings', { waitUntil: 'networkidle' });
    await chair.getByRole('button', { name: 'Schedule meeting' }).click();
    await expect
      .poll(() => focused(chair), { timeout: STEP_MS })
      .toBe('alert: There is a problem Enter the date and time of the meeting');
    await chair.getByRole('link', { name: 'Enter the date and time of the meeting' }).click();
    expect(await chair.evaluate('document.activeElement?.id')).toBe('startsAt');

    // Adding a case with no person chosen.
    await chair.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    await chair.getByRole('button', { name: 'Add case' }).click();
    await expect
      .poll(() => focused(chair), { timeout: STEP_MS })
      .toBe('alert: There is a problem Choose the person whose case it is');
  });
});

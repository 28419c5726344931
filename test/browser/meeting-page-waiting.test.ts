import type { Browser } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`waiting on a meeting's page for it to start (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('shows the member the case the chair adds and the meeting starting, without a reload', async () => {
    const chairCookie = await login(server.url, 'gp@demo.test');
    const [first, second] = await listPeople(server.url, chairCookie);
    const meetingId = await createMeeting(server.url, chairCookie, daysFromNow(0.01));
    await addCase(server.url, chairCookie, meetingId, { personId: first!.id });

    const member = await signIn(browser, server, 'nurse@demo.test');
    await member.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    const agenda = member.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
    await agenda.filter({ hasText: first!.name }).waitFor({ timeout: STEP_MS });

    await addCase(server.url, chairCookie, meetingId, { personId: second!.id });
    await agenda.filter({ hasText: second!.name }).waitFor({ timeout: STEP_MS });

    await chairStep(server.url, chairCookie, meetingId, 'start');
    await member
      .getByRole('heading', { name: 'This meeting is happening now' })
      .waitFor({ timeout: STEP_MS });
    await member.getByRole('button', { name: 'Join meeting' }).click();
    await member.waitForURL((url) => url.pathname === `/plans/${first!.planId}`, {
      timeout: STEP_MS,
    });
  });
});

import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, call, chairStep, createMeeting, daysFromNow } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the decision, as members see it in the meeting (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('says what the chair decided, not only that a decision was made', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const [person] = await listPeople(server.url, cookie);
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    const caseId = await addCase(server.url, cookie, meetingId, { personId: person!.id });
    await chairStep(server.url, cookie, meetingId, 'start');

    const nurse = await signIn(browser, server, 'nurse@demo.test');
    await nurse.goto(`/plans/${person!.planId}?meeting=${meetingId}`, {
      waitUntil: 'networkidle',
    });
    const bar = nurse.getByRole('region', { name: 'Meeting' });
    await bar.getByText(`Case 1 of 1: ${person!.name}`).waitFor({ timeout: STEP_MS });
    const outcomePath = `/api/meetings/${meetingId}/cases/${caseId}/outcome`;
    await call(server.url, 'POST', outcomePath, cookie, { decision: 'step-down' });
    // At once, through the meeting's document: well before the bar's own 15-second look.
    const outcome = bar.locator('.outcome');
    await outcome.waitFor({ timeout: 5_000 });
    expect((await outcome.innerText()).trim()).toBe('Decision: Step down to primary care.');
  });
});

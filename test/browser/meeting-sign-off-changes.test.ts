import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { getJson } from '../support/api.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import {
  addCase,
  chairStep,
  createMeeting,
  daysFromNow,
  signOffPlan,
  type VersionSummary,
} from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`"What changed" after a sign-off in the meeting (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('counts from the sign-off just made, without a reload', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const [person] = await listPeople(server.url, cookie);
    await signOffPlan(server.url, cookie, person!.planId, 'Agreed earlier');
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    await addCase(server.url, cookie, meetingId, { personId: person!.id });
    await chairStep(server.url, cookie, meetingId, 'start');

    const chair = await signIn(browser, server, 'gp@demo.test');
    await chair.goto(`/plans/${person!.planId}?meeting=${meetingId}`, {
      waitUntil: 'networkidle',
    });
    const bar = chair.getByRole('region', { name: 'Meeting' });
    await bar.getByRole('button', { name: 'Sign off plan' }).click();
    await bar.getByText('Plan signed off').waitFor({ timeout: STEP_MS });
    const [newest] = await getJson<VersionSummary[]>(
      server.url,
      `/api/plans/${person!.planId}/versions`,
      cookie,
    );
    expect(newest!.meetingId).toBe(meetingId);

    // "Since the last sign-off" now means the one just made: it is the one the panel asks about.
    const changes = sectionOf(chair, 'What changed');
    const since = changes.getByLabel('Changes since');
    await changes.getByRole('button', { name: 'Refresh' }).waitFor({ timeout: STEP_MS });
    const asked = chair.waitForRequest((r) => r.url().includes('/changes?since='), {
      timeout: STEP_MS,
    });
    await since.selectOption('7');
    await asked;
    const askedAgain = chair.waitForRequest((r) => r.url().includes('/changes?since='), {
      timeout: STEP_MS,
    });
    await since.selectOption('sign-off');
    const request = await askedAgain;
    const sinceParam = new URL(request.url()).searchParams.get('since');
    expect(new Date(sinceParam!).getTime()).toBe(new Date(newest!.createdAt).getTime());
  });
});

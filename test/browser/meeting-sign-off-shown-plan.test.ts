import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { getJson } from '../support/api.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import {
  addCase,
  chairStep,
  createMeeting,
  daysFromNow,
  meetingOf,
  type VersionSummary,
} from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

// The chair may open another case's plan while the meeting stays on the current case: the
// sign-off in the meeting bar signs the plan on screen, never the current case's.

describe(`signing off the plan on screen in a meeting (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('signs the plan the chair is looking at, not the current case’s', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const [first, second] = await listPeople(server.url, cookie);
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    await addCase(server.url, cookie, meetingId, { personId: first!.id });
    const secondCase = await addCase(server.url, cookie, meetingId, { personId: second!.id });
    await chairStep(server.url, cookie, meetingId, 'start');
    const versionsOf = (planId: string) =>
      getJson<VersionSummary[]>(server.url, `/api/plans/${planId}/versions`, cookie);
    const firstBefore = (await versionsOf(first!.planId)).length;

    // The meeting is on the first case; the chair has the second person's plan open.
    const chair = await signIn(browser, server, 'gp@demo.test');
    await chair.goto(`/plans/${second!.planId}?meeting=${meetingId}`, {
      waitUntil: 'networkidle',
    });
    const bar = chair.getByRole('region', { name: 'Meeting' });
    await bar.getByText(`Case 1 of 2: ${first!.name}`).waitFor({ timeout: STEP_MS });
    const signOff = bar.getByRole('button', { name: /^Sign off/ });
    const buttonSaid = await signOff.innerText();
    await signOff.click();
    await bar
      .getByRole('status')
      .getByText(/signed off/i)
      .waitFor({ timeout: STEP_MS });

    const [signed] = await versionsOf(second!.planId);
    expect(signed).toMatchObject({ meetingId, label: expect.stringMatching(/^Agreed at .* MDT/) });
    expect(await versionsOf(first!.planId)).toHaveLength(firstBefore);
    // The button and what is said after name whose plan it is.
    expect(buttonSaid).toBe(`Sign off ${second!.name}’s plan`);
    await bar.getByText(`${second!.name}’s plan signed off`).first().waitFor({ timeout: STEP_MS });
    const cases = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(cases.find((c) => c.id === secondCase)!.versionId).toBe(signed!.id);
    expect(cases.find((c) => c.personId === first!.id)!.versionId).toBeNull();
    // The versions list on screen is the second person's, and it shows the new version.
    await chair
      .getByRole('list', { name: 'Versions' })
      .getByText(signed!.label)
      .first()
      .waitFor({ timeout: STEP_MS });

    // On the current case's own plan the button signs that plan, as it always did.
    await chair.goto(`/plans/${first!.planId}?meeting=${meetingId}`, {
      waitUntil: 'networkidle',
    });
    await bar.getByRole('button', { name: 'Sign off plan', exact: true }).click();
    await bar.getByText('Plan signed off').waitFor({ timeout: STEP_MS });
    expect((await versionsOf(first!.planId))[0]).toMatchObject({ meetingId });
  });
});

import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow, meetingOf } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

// A voluntary partner who joins while the case being discussed is one whose person has not
// consented to share stays on the meeting's page: it says why, without naming the person, and
// takes them to the next case shared with them.

describe(`a partner joining during a case not shared with partners (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('says the case is not shared, then opens the next shared case when the chair moves on', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const everyone = await listPeople(server.url, cookie);
    const shared = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    const unshared = everyone.find((p) => !shared.has(p.id))!;
    const consented = everyone.find((p) => shared.has(p.id))!;
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    await addCase(server.url, cookie, meetingId, { personId: unshared.id });
    await addCase(server.url, cookie, meetingId, { personId: consented.id });
    await chairStep(server.url, cookie, meetingId, 'start');

    const partner = await signIn(browser, server, 'partner@demo.test');
    await partner.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    await partner.getByRole('button', { name: 'Join meeting' }).click();
    const said = partner.getByRole('status').filter({ hasText: 'You have joined the meeting' });
    await said.waitFor({ timeout: STEP_MS });
    expect(await said.innerText()).toContain(
      'The case being discussed now is not shared with partners',
    );
    expect(new URL(partner.url()).pathname).toBe(`/meetings/${meetingId}`);
    expect(await partner.locator('body').innerText()).not.toContain(unshared.name);
    // Joined, so not offered to join again.
    expect(await partner.getByRole('button', { name: 'Join meeting' }).count()).toBe(0);

    // The chair moves on to a consented case: the partner is taken to it.
    const { currentCaseId } = await meetingOf(server.url, cookie, meetingId);
    await chairStep(server.url, cookie, meetingId, 'advance', { from: currentCaseId });
    await partner.waitForURL(
      (url) =>
        url.pathname === `/plans/${consented.planId}` &&
        url.searchParams.get('meeting') === meetingId,
      { timeout: STEP_MS },
    );
    await partner
      .getByRole('region', { name: 'Meeting' })
      .getByText(consented.name)
      .first()
      .waitFor({ timeout: STEP_MS });
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

const statusOf = (page: Page) => page.getByTestId('connection-status').first();

/** Whether leaving the page now would make the browser ask first. */
const wouldWarnOnLeaving = (page: Page): Promise<boolean> =>
  page.evaluate(
    `(() => { const e = new Event('beforeunload', { cancelable: true }); dispatchEvent(e); return e.defaultPrevented; })()`,
  );

describe(`meeting notes typed while the server is down (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  // The restart reopens the database (seconds on PGlite): two minutes for this test, not one.
  it(
    'says they are not saved yet, warns before leaving, and sends them once it is back',
    {
      timeout: 120_000,
    },
    async () => {
      const chairCookie = await login(server.url, 'gp@demo.test');
      const [person] = await listPeople(server.url, chairCookie);
      const meetingId = await createMeeting(server.url, chairCookie, daysFromNow(0.01));
      await addCase(server.url, chairCookie, meetingId, { personId: person!.id });
      await chairStep(server.url, chairCookie, meetingId, 'start');

      const member = await signIn(await launchBrowser(), server, 'nurse@demo.test');
      await member.goto(`/plans/${person!.planId}?meeting=${meetingId}`);
      const notes = member
        .getByRole('region', { name: 'Meeting' })
        .getByRole('textbox', { name: 'Discussion notes' });
      await notes.waitFor({ timeout: STEP_MS });
      await statusOf(member).filter({ hasText: 'all changes saved' }).waitFor({ timeout: STEP_MS });
      await notes.click();
      await member.keyboard.type('Carer attends clinic.');
      await statusOf(member).filter({ hasText: 'all changes saved' }).waitFor({ timeout: STEP_MS });

      await server.kill('SIGKILL');
      await statusOf(member).filter({ hasText: 'Not connected' }).waitFor({ timeout: STEP_MS });
      await member.keyboard.type(' Daughter to call the surgery.');
      await statusOf(member).filter({ hasText: 'not saved yet' }).waitFor({ timeout: STEP_MS });
      expect(await wouldWarnOnLeaving(member)).toBe(true);

      await server.restart({ samePort: true });
      await statusOf(member).filter({ hasText: 'all changes saved' }).waitFor({ timeout: 45_000 });
      expect(await wouldWarnOnLeaving(member)).toBe(false);
      await chairStep(server.url, chairCookie, meetingId, 'close');
      const minutes = await getJson<{ cases: { discussion: string }[] }>(
        server.url,
        `/api/meetings/${meetingId}/minutes`,
        chairCookie,
      );
      expect(minutes.cases[0]!.discussion).toBe(
        'Carer attends clinic. Daughter to call the surgery.',
      );
    },
  );
});

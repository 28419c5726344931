import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { getJson } from '../support/api.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

/** As far as this test reads `GET /api/meetings/:id/minutes`. */
interface MinutesAnswer {
  cases: { person: string; discussion: string | null }[];
}

describe(`discussion notes when the chair moves on mid-sentence (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('keeps the note-taker on the case they are writing about until they leave the notes', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const [first, second] = await listPeople(server.url, cookie);
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    const firstCase = await addCase(server.url, cookie, meetingId, { personId: first!.id });
    await addCase(server.url, cookie, meetingId, { personId: second!.id });
    await chairStep(server.url, cookie, meetingId, 'start');

    const nurse = await signIn(browser, server, 'nurse@demo.test');
    await nurse.goto(`/plans/${first!.planId}?meeting=${meetingId}`, {
      waitUntil: 'networkidle',
    });
    const bar = nurse.getByRole('region', { name: 'Meeting' });
    const notes = bar.getByRole('textbox', { name: 'Discussion notes' });
    await bar.getByText(`Discussion notes for ${first!.name}`).waitFor({ timeout: STEP_MS });
    await notes.click();
    await nurse.keyboard.type('Walking to the shops twice a week;');

    // The chair moves on while the nurse is still writing about the first case.
    await chairStep(server.url, cookie, meetingId, 'advance', { from: firstCase });
    await bar
      .getByRole('alert')
      .filter({ hasText: `The chair has moved on to ${second!.name}` })
      .waitFor({ timeout: STEP_MS });
    await nurse.keyboard.type(' step down agreed.');
    expect(await bar.getByText(`Discussion notes for ${first!.name}`).count()).toBe(1);
    expect(await notes.innerText()).toBe('Walking to the shops twice a week; step down agreed.');
    expect(new URL(nurse.url()).pathname).toBe(`/plans/${first!.planId}`);
    // All of it is saved as the first case's discussion.
    const firstDiscussion = async () => {
      const path = `/api/meetings/${meetingId}/minutes`;
      const [item] = (await getJson<MinutesAnswer>(server.url, path, cookie)).cases;
      return `${item!.person}: ${item!.discussion}`;
    };
    await expect
      .poll(firstDiscussion)
      .toBe(`${first!.name}: Walking to the shops twice a week; step down agreed.`);

    // Done writing, the nurse goes on to the case being discussed, and its own notes.
    await bar.getByRole('button', { name: 'Go to the current case' }).click();
    await nurse.waitForURL((url) => url.pathname === `/plans/${second!.planId}`, {
      timeout: STEP_MS,
    });
    await bar.getByText(`Discussion notes for ${second!.name}`).waitFor({ timeout: STEP_MS });
    expect((await notes.innerText()).trim()).toBe('');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { DEMO_PASSWORD, listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, createMeeting, daysFromNow, meetingOf } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`sending a form after the session ended (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('keeps the page and the typed prep notes, says why, and saves them once signed in again', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const [person] = await listPeople(server.url, cookie);
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(4));
    await addCase(server.url, cookie, meetingId, { personId: person!.id });
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'gp@demo.test');
    await page.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    const item = page.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
    await item.getByRole('button', { name: /^Edit prep notes/ }).click();
    const notes = 'Chair: ask about the stairs at home.';
    const box = item.getByLabel(`Prep notes for ${person!.name}`);
    await box.fill(notes);

    // Signing out in another tab ends this page's session too.
    expect((await page.context().request.post('/api/auth/logout')).status()).toBe(200);
    await item.getByRole('button', { name: 'Save prep notes' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your session has ended, so what you sent was not saved' })
      .waitFor({ timeout: STEP_MS });
    await item
      .getByRole('alert')
      .filter({ hasText: /session has ended/ })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`/meetings/${meetingId}`);
    expect(await box.inputValue()).toBe(notes);

    const link = page.getByRole('link', { name: /sign in again/ });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.waitForLoadState('networkidle');
    await tab.getByLabel('Email address').fill('gp@demo.test');
    await tab.getByLabel('Password').fill(DEMO_PASSWORD);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.getByRole('heading', { name: 'You are signed in' }).waitFor({ timeout: STEP_MS });

    await item.getByRole('button', { name: 'Save prep notes' }).click();
    await item.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: STEP_MS });
    expect((await meetingOf(server.url, cookie, meetingId)).cases[0]!.prepNotes).toBe(notes);
    expect(await page.getByText('Your session has ended').count()).toBe(0);
  });
});

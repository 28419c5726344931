import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, type PersonDetail } from '../support/api.js';
import { chooseOptionContaining, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { DEMO_PASSWORD, listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, createMeeting, daysFromNow, meetingOf } from '../support/meetings.js';
import { addPerson, measuresOf } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const itemControl = (page: Page, n: number) => page.getByLabel(new RegExp(`^Item ${n}(?!\\d)`));

/** Signs in in a new tab from the banner's link, as the page's own user or someone else. */
async function signInFromBanner(page: Page, email: string): Promise<void> {
  const link = page.getByRole('link', { name: /sign in again/ });
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState('networkidle');
  await tab.getByLabel('Email address').fill(email);
  await tab.getByLabel('Password').fill(DEMO_PASSWORD);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await tab.getByRole('heading', { name: 'You are signed in' }).waitFor({ timeout: STEP_MS });
  await tab.close();
}

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

  it('keeps a wellbeing questionnaire on its page when the session ended, and saves it once signed in again', async () => {
    const cookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, cookie, 'Prevention');
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await page.goto(`/people/${person.id}/measures/new`, { waitUntil: 'networkidle' });
    await page.getByRole('radio', { name: /^SWEMWBS\b/ }).check();
    for (let n = 1; n <= 7; n += 1) await chooseOptionContaining(itemControl(page, n), '4');

    expect((await page.context().request.post('/api/auth/logout')).status()).toBe(200);
    await page.getByRole('button', { name: 'Save scores' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your session has ended, so what you sent was not saved' })
      .waitFor({ timeout: STEP_MS });
    expect(new URL(page.url()).pathname).toBe(`/people/${person.id}/measures/new`);
    // Pressed at the foot of a long form: the message at the top is brought to the reader.
    expect(await page.evaluate("document.activeElement?.getAttribute('role')")).toBe('alert');
    for (let n = 1; n <= 7; n += 1) expect(await itemControl(page, n).inputValue()).toBe('4');
    expect((await measuresOf(server.url, cookie, person.id)).measures).toEqual([]);

    await signInFromBanner(page, 'navigator@demo.test');
    await page.getByRole('button', { name: 'Save scores' }).click();
    await page.waitForURL((url) => url.pathname === `/plans/${person.planId}`, {
      timeout: STEP_MS,
    });
    const [measure] = (await measuresOf(server.url, cookie, person.id)).measures;
    expect(measure?.items).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(measure?.recordedBy.name).toBe('Jo Hartley');
  });

  it('saves nothing under the name of someone else who signed in in this browser meanwhile', async () => {
    const cookie = await login(server.url, 'nurse@demo.test');
    const person = await addPerson(server.url, cookie, 'Prevention');
    const detail = () => getJson<PersonDetail>(server.url, `/api/people/${person.id}`, cookie);
    const before = await detail();
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'nurse@demo.test');
    await page.goto(`/people/${person.id}/edit`, { waitUntil: 'networkidle' });
    await page.getByLabel('GP practice').fill('Reddish Vale Surgery');

    // The nurse's session ends; the GP signs in in this browser, in another tab.
    expect((await page.context().request.post('/api/auth/logout')).status()).toBe(200);
    const gp = await page.context().request.post('/api/auth/login', {
      data: { email: 'gp@demo.test', password: DEMO_PASSWORD },
    });
    expect(gp.status()).toBe(200);
    await page.getByRole('button', { name: 'Save details' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Dr Amara Okafor is signed in in this browser now' })
      .filter({ hasText: 'what you sent was not saved' })
      .waitFor({ timeout: STEP_MS });
    expect(new URL(page.url()).pathname).toBe(`/people/${person.id}/edit`);
    expect(await page.getByLabel('GP practice').inputValue()).toBe('Reddish Vale Surgery');
    expect((await detail()).gpPractice).toBe(before.gpPractice);

    // Signed in as the nurse again, the same press saves it, under her name.
    expect((await page.context().request.post('/api/auth/logout')).status()).toBe(200);
    await signInFromBanner(page, 'nurse@demo.test');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.waitForURL((url) => url.pathname === `/plans/${person.planId}`, {
      timeout: STEP_MS,
    });
    expect((await detail()).gpPractice).toBe('Reddish Vale Surgery');
  });
});

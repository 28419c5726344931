import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOptionContaining, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { send } from '../support/api.js';
import { listPeople, login, type PersonSummary } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, createMeeting, daysFromNow, meetingOf } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`preparing a meeting's agenda in the browser (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;
  let cookie: string;
  let people: PersonSummary[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    cookie = await login(server.url, 'gp@demo.test');
    people = await listPeople(server.url, cookie);
  });

  /** The chair on a new meeting's page, with `first` on its agenda. */
  async function agendaPage(first: PersonSummary): Promise<{ page: Page; meetingId: string }> {
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(3));
    await addCase(server.url, cookie, meetingId, { personId: first.id });
    const page = await signIn(browser, server, 'gp@demo.test');
    await page.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    return { page, meetingId };
  }

  it('adds a case once on a double click, and says when the person is already on it', async () => {
    const [first, second, third] = people;
    const { page, meetingId } = await agendaPage(first!);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a case' }) });
    const personField = form.getByLabel('Person', { exact: true });
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('addCase')) sent.push(r.url());
    });
    const offered = () => personField.locator('option').allInnerTexts();

    // Whoever is on the agenda is not offered again.
    expect(await offered()).not.toContain(first!.name);
    await chooseOptionContaining(personField, second!.name);
    await form.getByRole('button', { name: 'Add case' }).dblclick();
    const agenda = page.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
    await agenda.filter({ hasText: second!.name }).waitFor({ timeout: STEP_MS });
    await page.waitForLoadState('networkidle');
    expect(sent).toHaveLength(1);
    expect(await form.locator('.input-error-message').count()).toBe(0);
    // The form starts again as it first was, ready for the next case.
    expect(await form.getByLabel('Minutes').inputValue()).toBe('10');

    expect(await offered()).not.toContain(second!.name);

    // Another chair adds the third person while this page still offers them: the page is kept
    // from looking at the agenda again, so the refusal is what tells the chair.
    await page.route('**/api/meetings/*', (route) => route.abort());
    await addCase(server.url, cookie, meetingId, { personId: third!.id });
    await chooseOptionContaining(personField, third!.name);
    await form.getByRole('button', { name: 'Add case' }).click();
    await form
      .locator('.input-error-message', {
        hasText: `${third!.name} is already on this meeting’s agenda`,
      })
      .waitFor({ timeout: STEP_MS });
    const cases = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(cases.map((c) => c.personId)).toEqual([first!.id, second!.id, third!.id]);
    // The refusal brought the page up to date: the third person is on its agenda, not offered.
    await page
      .getByRole('list', { name: 'Agenda' })
      .getByRole('listitem')
      .filter({ hasText: third!.name })
      .waitFor({ timeout: STEP_MS });
    expect(await offered()).not.toContain(third!.name);
  });

  it('removes a waiting case once the chair says yes, and keeps it on Cancel', async () => {
    const [first, second] = people;
    const { page, meetingId } = await agendaPage(first!);
    await addCase(server.url, cookie, meetingId, { personId: second!.id });
    await page.reload({ waitUntil: 'networkidle' });
    const agenda = page.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
    const remove = `Remove from agenda: ${first!.name}`;
    const removeButton = agenda
      .filter({ hasText: first!.name })
      .getByRole('button', { name: /^Remove from agenda/ });
    const focused = () => page.evaluate('document.activeElement?.textContent?.trim()');

    await removeButton.click();
    await expect.poll(focused).toBe('Yes, remove');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focused).toBe(remove);
    expect(await agenda.count()).toBe(2);
    // Escape answers "no" too.
    await removeButton.click();
    await expect.poll(focused).toBe('Yes, remove');
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe(remove);
    expect(await page.getByRole('button', { name: 'Yes, remove' }).count()).toBe(0);

    await removeButton.click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await agenda.filter({ hasText: first!.name }).waitFor({ state: 'detached', timeout: STEP_MS });
    await expect.poll(focused).toBe('Agenda');
    const cases = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(cases.map((c) => c.personId)).toEqual([second!.id]);
  });

  it('says why a case with prep notes over 10,000 characters was not added, keeping them', async () => {
    const [first, second] = people;
    const { page, meetingId } = await agendaPage(first!);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a case' }) });
    const long = 'Long history. '.repeat(715); // 10,010 characters

    await chooseOptionContaining(form.getByLabel('Person', { exact: true }), second!.name);
    await form.getByLabel('Prep notes').fill(long);
    await form.getByRole('button', { name: 'Add case' }).click();
    await form
      .locator('.input-error-message', { hasText: 'Prep notes are text, up to 10,000 characters' })
      .waitFor({ timeout: STEP_MS });
    expect(await form.getByLabel('Prep notes').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Prep notes').inputValue()).toBe(long.trim());
    expect((await meetingOf(server.url, cookie, meetingId)).cases).toHaveLength(1);
  });

  it('shows the other person’s prep notes when they saved while these were being edited', async () => {
    const [first] = people;
    const { page, meetingId } = await agendaPage(first!);
    const caseId = (await meetingOf(server.url, cookie, meetingId)).cases[0]!.id;
    const item = page.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
    const box = item.getByLabel(`Prep notes for ${first!.name}`);

    await item.getByRole('button', { name: /^Edit prep notes/ }).click();
    const nurse = await login(server.url, 'nurse@demo.test');
    const theirs = await send(
      server.url,
      'PATCH',
      `/api/meetings/${meetingId}/cases/${caseId}`,
      nurse,
      {
        prepNotes: 'Nurse: BP fine at home.',
      },
    );
    expect(theirs.status).toBe(200);
    await box.fill('Chair: agree the walking goal.');
    await item.getByRole('button', { name: 'Save prep notes' }).click();

    await item
      .getByRole('alert')
      .filter({ hasText: /^Someone else changed these notes/ })
      .waitFor({
        timeout: STEP_MS,
      });
    await item.getByText('Nurse: BP fine at home.').waitFor({ timeout: STEP_MS });
    expect(await box.inputValue()).toBe('Chair: agree the walking goal.');
    const notes = async () => (await meetingOf(server.url, cookie, meetingId)).cases[0]!.prepNotes;
    expect(await notes()).toBe('Nurse: BP fine at home.');

    // Having read theirs, the chair keeps both and saves.
    await box.fill('Nurse: BP fine at home. Chair: agree the walking goal.');
    await item.getByRole('button', { name: 'Save prep notes' }).click();
    await item.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: STEP_MS });
    expect(await notes()).toBe('Nurse: BP fine at home. Chair: agree the walking goal.');
  });
});

import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOptionContaining, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
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
    const [first, second] = people;
    const { page, meetingId } = await agendaPage(first!);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a case' }) });
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('addCase')) sent.push(r.url());
    });

    await chooseOptionContaining(form.getByLabel('Person', { exact: true }), second!.name);
    await form.getByRole('button', { name: 'Add case' }).dblclick();
    const agenda = page.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
    await agenda.filter({ hasText: second!.name }).waitFor({ timeout: STEP_MS });
    await page.waitForLoadState('networkidle');
    expect(sent).toHaveLength(1);
    expect(await form.locator('.input-error-message').count()).toBe(0);
    // The form starts again as it first was, ready for the next case.
    expect(await form.getByLabel('Minutes').inputValue()).toBe('10');

    await chooseOptionContaining(form.getByLabel('Person', { exact: true }), first!.name);
    await form.getByRole('button', { name: 'Add case' }).click();
    await form
      .getByText(`${first!.name} is already on this meeting’s agenda`)
      .waitFor({ timeout: STEP_MS });
    const cases = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(cases.map((c) => c.personId)).toEqual([first!.id, second!.id]);
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

    await removeButton.click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await agenda.filter({ hasText: first!.name }).waitFor({ state: 'detached', timeout: STEP_MS });
    await expect.poll(focused).toBe('Agenda');
    const cases = (await meetingOf(server.url, cookie, meetingId)).cases;
    expect(cases.map((c) => c.personId)).toEqual([second!.id]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { send } from '../support/api.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, createMeeting, daysFromNow } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`saving prep notes on a case taken off the agenda (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says the case is no longer on the agenda, keeping what was typed', async () => {
    const chair = await login(server.url, 'gp@demo.test');
    const [person] = await listPeople(server.url, chair);
    const meetingId = await createMeeting(server.url, chair, daysFromNow(5));
    const caseId = await addCase(server.url, chair, meetingId, { personId: person!.id });
    const browser = await launchBrowser();
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    await nurse.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    const item = nurse.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
    await item.getByRole('button', { name: /^Edit prep notes/ }).click();
    const notes = 'Nurse: BP readings from home attached to the plan.';
    await item.getByLabel(`Prep notes for ${person!.name}`).fill(notes);

    const path = `/api/meetings/${meetingId}/cases/${caseId}`;
    expect((await send(server.url, 'DELETE', path, chair, {})).status).toBe(200);
    await item.getByRole('button', { name: 'Save prep notes' }).click();
    await item
      .getByRole('alert')
      .filter({ hasText: 'This case is no longer on the agenda: the chair may have taken it off' })
      .waitFor({ timeout: STEP_MS });
    expect(await item.getByLabel(`Prep notes for ${person!.name}`).inputValue()).toBe(notes);
  });
});

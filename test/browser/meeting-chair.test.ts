import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { me } from '../support/api.js';
import {
  chooseOptionContaining,
  launchBrowser,
  sectionOf,
  signIn,
  STEP_MS,
} from '../support/browser.js';
import { get, listPeople, login, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, createMeeting, daysFromNow, meetingOf } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

/** Whether the page shows the plan `planId` inside meeting `meetingId`. */
const onCase = (planId: string, meetingId: string) => (url: URL) =>
  url.pathname === `/plans/${planId}` && url.searchParams.get('meeting') === meetingId;

/** Waits until the page's meeting bar says `text`. */
async function barSays(page: Page, text: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Meeting' })
    .filter({ hasText: text })
    .waitFor({ timeout: STEP_MS });
}

describe(`chairing an MDT meeting in the browser (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('takes the member along to the second case, and the minutes show the action added in the first', async () => {
    const chairCookie = await login(server.url, 'gp@demo.test');
    const nurse = await me(server.url, await login(server.url, 'nurse@demo.test'));
    const [first, second] = await listPeople(server.url, chairCookie);
    const meetingId = await createMeeting(server.url, chairCookie, daysFromNow(0.01));
    await addCase(server.url, chairCookie, meetingId, { personId: first!.id, minutesAllotted: 10 });
    await addCase(server.url, chairCookie, meetingId, { personId: second!.id, minutesAllotted: 5 });
    const actionText = `Arrange a carers' assessment ${Date.now()}`;

    // The chair starts the meeting and lands on the first case.
    const chair = await signIn(browser, server, 'gp@demo.test');
    chair.on('dialog', (dialog) => void dialog.accept());
    await chair.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    const agenda = chair.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
    await agenda.filter({ hasText: second!.name }).waitFor({ timeout: STEP_MS });
    await chair.getByRole('button', { name: 'Start meeting' }).click();
    await chair.waitForURL(onCase(first!.planId, meetingId), { timeout: STEP_MS });
    await barSays(chair, `Case 1 of 2: ${first!.name}`);

    // The member joins and is taken to the same case, following the chair.
    const member = await signIn(browser, server, 'navigator@demo.test');
    const memberErrors: string[] = [];
    member.on('pageerror', (error) => memberErrors.push(error.message));
    await member.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    await member.getByRole('button', { name: 'Join meeting' }).click();
    await member.waitForURL(onCase(first!.planId, meetingId), { timeout: STEP_MS });
    await barSays(member, `Case 1 of 2: ${first!.name}`);
    const follow = member.getByRole('checkbox', { name: 'Follow the chair' });
    expect(await follow.isChecked()).toBe(true);
    await member
      .getByTestId('connection-status')
      .filter({ hasText: /Live/ })
      .first()
      .waitFor({ timeout: STEP_MS });

    // The member adds the agreed action to the first person's plan.
    const actionForm = sectionOf(member, 'Actions').locator('form', {
      has: member.getByRole('button', { name: 'Add action', exact: true }),
    });
    await actionForm.getByLabel('Action', { exact: true }).fill(actionText);
    await chooseOptionContaining(actionForm.getByLabel('Owner', { exact: true }), nurse.name);
    await actionForm.getByLabel('Due date').fill('2099-06-30');
    await actionForm.getByRole('button', { name: 'Add action', exact: true }).click();
    await chair
      .getByRole('list', { name: 'Actions' })
      .getByRole('listitem')
      .filter({ hasText: actionText })
      .waitFor({ timeout: STEP_MS });

    // The chair notes the discussion, records the decision, signs the plan off and moves on.
    const bar = chair.getByRole('region', { name: 'Meeting' });
    const notesOf = (page: Page) =>
      page
        .getByRole('region', { name: 'Meeting' })
        .getByRole('textbox', { name: 'Discussion notes' });
    await notesOf(chair).click();
    await chair.keyboard.type('Walking group agreed.');
    await chooseOptionContaining(bar.getByLabel('Decision'), 'Continue plan');
    await bar.getByRole('button', { name: 'Record decision' }).click();
    const memberVersions = sectionOf(member, 'Versions')
      .getByRole('list', { name: 'Versions' })
      .getByRole('listitem');
    const versionsBefore = await memberVersions.count();
    await bar.getByRole('button', { name: 'Sign off plan' }).click();
    await bar.getByText('Signed off').first().waitFor({ timeout: STEP_MS });
    // The member's versions list shows it without a reload (the agenda is read every 15 s).
    await memberVersions.nth(versionsBefore).waitFor({ timeout: 20_000 });
    await bar.getByRole('button', { name: 'Next case' }).click();

    // The member's view follows, without the member doing anything.
    await member.waitForURL(onCase(second!.planId, meetingId), { timeout: STEP_MS });
    await barSays(member, `Case 2 of 2: ${second!.name}`);
    await chair.waitForURL(onCase(second!.planId, meetingId), { timeout: STEP_MS });

    // The second case's notes start empty, on both screens, and take only what is said now.
    await barSays(chair, `Discussion notes for ${second!.name}`);
    expect((await notesOf(chair).innerText()).trim()).toBe('');
    expect((await notesOf(member).innerText()).trim()).toBe('');
    await notesOf(chair).click();
    await chair.keyboard.type('Pharmacist to review.');
    // The member is typing when the chair ends the meeting.
    await notesOf(member).click();
    await member.keyboard.press('End');
    await member.keyboard.type(' Carer to be invited.');

    // Ending asks first: cancelling leaves the meeting live.
    const focused = () => chair.evaluate('document.activeElement?.textContent?.trim()');
    await bar.getByRole('button', { name: 'End meeting' }).click();
    await expect.poll(focused).toBe('Yes, end the meeting');
    await bar.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focused).toBe('End meeting');
    await bar.getByRole('button', { name: 'End meeting' }).click();
    await expect.poll(focused).toBe('Yes, end the meeting');
    await chair.keyboard.press('Escape');
    await expect.poll(focused).toBe('End meeting');
    expect((await meetingOf(server.url, chairCookie, meetingId)).status).toBe('live');
    await bar.getByRole('button', { name: 'End meeting' }).click();
    await bar.getByRole('button', { name: 'Yes, end the meeting' }).click();
    await waitFor(
      async () => (await meetingOf(server.url, chairCookie, meetingId)).status === 'closed',
      'the meeting to close',
      STEP_MS,
    );
    await barSays(member, 'The meeting has ended');
    // The chair who ended it is told where the undecided second case went.
    await barSays(chair, '1 case carried to the meeting on');
    expect(memberErrors).toEqual([]);
    const record = await meetingOf(server.url, chairCookie, meetingId);
    const minutesAnswer = await get(server.url, `/api/meetings/${meetingId}/minutes`, chairCookie);
    const { cases: noted } = (await minutesAnswer.json()) as {
      cases: { person: string; discussion: string }[];
    };
    expect(noted.map((c) => [c.person, c.discussion])).toEqual([
      [first!.name, 'Walking group agreed.'],
      [second!.name, expect.stringMatching(/^Pharmacist to review\.\s*Carer to be invited\.$/)],
    ]);
    expect(record.cases[0]).toMatchObject({ decision: 'continue-plan', status: 'done' });
    expect(record.cases[0]!.versionId).toEqual(expect.any(String));

    // The minutes list the first case's decision and the member's action with its owner.
    await member.goto(`/meetings/${meetingId}/minutes`);
    await member.getByRole('heading', { name: 'Minutes' }).first().waitFor({ timeout: STEP_MS });
    // Actions reach the minutes through the plan's throttled projection: reload until there.
    await waitFor(
      async () => {
        if ((await member.locator('main').innerText()).includes(actionText)) return true;
        await member.reload();
        return false;
      },
      'the action to reach the minutes',
      STEP_MS,
    );
    const minutes = await member.locator('main').innerText();
    expect(minutes).toContain(first!.name);
    expect(minutes).toContain('Continue plan');
    expect(minutes).toContain(actionText);
    expect(minutes).toContain(nurse.name);
    expect(minutes).toContain('2099');
  });
});

import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOptionContaining, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, chairStep, createMeeting, daysFromNow, meetingOf } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`a decision chosen but not recorded (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('is asked about before Next case moves on: recorded, kept by staying, or left', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const people = (await listPeople(server.url, cookie)).slice(0, 3);
    const meetingId = await createMeeting(server.url, cookie, daysFromNow(0.01));
    const ids: string[] = [];
    for (const person of people) {
      ids.push(await addCase(server.url, cookie, meetingId, { personId: person.id }));
    }
    await chairStep(server.url, cookie, meetingId, 'start');
    const chair = await signIn(browser, server, 'gp@demo.test');
    await chair.goto(`/plans/${people[0]!.planId}?meeting=${meetingId}`, {
      waitUntil: 'networkidle',
    });
    const bar = chair.getByRole('region', { name: 'Meeting' });
    const barSays = (text: string) => bar.filter({ hasText: text }).waitFor({ timeout: STEP_MS });
    const focused = () => chair.evaluate('document.activeElement?.textContent?.trim()');
    const question = bar.getByText(/but have not recorded it\.$/);
    await barSays(`Case 1 of 3: ${people[0]!.name}`);

    // Stay: nothing changes, and the choice is still there to record.
    await chooseOptionContaining(bar.getByLabel('Decision'), 'Refer');
    await bar.getByRole('button', { name: 'Next case' }).click();
    await question.waitFor({ timeout: STEP_MS });
    expect(await question.innerText()).toBe(
      `You chose “Refer” for ${people[0]!.name} but have not recorded it.`,
    );
    await expect.poll(focused).toBe('Record it and move on');
    await chair.keyboard.press('Escape');
    await expect.poll(focused).toBe('Next case');
    expect(await question.count()).toBe(0);
    await bar.getByRole('button', { name: 'Next case' }).click();
    await expect.poll(focused).toBe('Record it and move on');
    await bar.getByRole('button', { name: 'Stay on this case' }).click();
    await expect.poll(focused).toBe('Next case');
    expect(await bar.getByLabel('Decision').inputValue()).toBe('refer');
    expect((await meetingOf(server.url, cookie, meetingId)).currentCaseId).toBe(ids[0]);

    // Record it and move on.
    await bar.getByRole('button', { name: 'Next case' }).click();
    await bar.getByRole('button', { name: 'Record it and move on' }).click();
    await barSays(`Case 2 of 3: ${people[1]!.name}`);
    let meeting = await meetingOf(server.url, cookie, meetingId);
    expect(meeting.currentCaseId).toBe(ids[1]);
    expect(meeting.cases[0]).toMatchObject({ decision: 'refer', status: 'done' });

    // Move on without it: left unrecorded, on purpose.
    await chooseOptionContaining(bar.getByLabel('Decision'), 'Discharge');
    await bar.getByRole('button', { name: 'Next case' }).click();
    await bar.getByRole('button', { name: 'Move on without it' }).click();
    await barSays(`Case 3 of 3: ${people[2]!.name}`);
    meeting = await meetingOf(server.url, cookie, meetingId);
    expect(meeting.cases[1]).toMatchObject({ decision: null, status: 'pending' });
  });
});

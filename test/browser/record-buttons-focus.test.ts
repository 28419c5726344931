import { beforeAll, describe, expect, it } from 'vitest';
import {
  addGoal,
  addMedication,
  clinicalPlanDocument,
  readGoals,
  readMedications,
  sharedPlanDocument,
} from '@careweave/shared';
import { me } from '../support/api.js';
import {
  launchBrowser,
  listenForAnnouncements,
  openPlan,
  signIn,
  STEP_MS,
  timesSaid,
} from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const focusedId = 'document.activeElement ? document.activeElement.id : null';

describe(`recording progress or a medicine review from the keyboard (${databaseBackend})`, () => {
  let server: TestServer;
  let gpCookie: string;
  beforeAll(async () => {
    server = await startServer();
    gpCookie = await login(server.url, 'gp@demo.test');
  });

  it('keeps the focus on the item and says what was recorded, for whom', async () => {
    const person = await addPerson(server.url, gpCookie, 'Recovery');
    const shared = connect(server.wsUrl, sharedPlanDocument(person.planId), gpCookie);
    const clinical = connect(server.wsUrl, clinicalPlanDocument(person.planId), gpCookie);
    await Promise.all([synced(shared), synced(clinical)]);
    const gp = await me(server.url, gpCookie);
    const goalText = 'Back to the Tuesday knitting group';
    addGoal(shared.doc, { text: goalText, horizon: 'month', category: 'social-connection' }, gp.id);
    addMedication(clinical.doc, { name: 'Amlodipine', dose: '5 mg', frequency: 'daily' }, gp.id);
    const goalId = readGoals(shared.doc)[0]!.id;
    const medicationId = readMedications(clinical.doc)[0]!.id;

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'gp@demo.test');
    await openPlan(page, person.planId);

    await page.locator(`#goal-${goalId}-progress`).selectOption('7');
    await page.locator(`#goal-${goalId}-progress`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement.textContent`)).toMatch(/Record progress/);
    await page.keyboard.press('Enter');
    await waitFor(() => readGoals(shared.doc)[0]!.progress.length === 1, 'the rating to arrive');
    await page
      .getByRole('status')
      .filter({ hasText: `Progress 7 out of 10 recorded: ${goalText}` })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    expect(await page.evaluate(focusedId)).toBe(`goal-${goalId}-progress`);

    await page
      .locator(`#medication-${medicationId}-outcome`)
      .selectOption({ label: 'Reviewed no change' });
    await page.locator(`#medication-${medicationId}-outcome`).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitFor(
      () => readMedications(clinical.doc)[0]!.reviewStatus === 'reviewed-no-change',
      'the review to arrive',
    );
    await page
      .getByRole('status')
      .filter({ hasText: 'Review recorded: Amlodipine, reviewed no change' })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    expect(await page.evaluate(focusedId)).toBe(`medication-${medicationId}-outcome`);
  });

  it('reads out the same rating recorded twice in a row both times', async () => {
    const person = await addPerson(server.url, gpCookie, 'Recovery');
    const shared = connect(server.wsUrl, sharedPlanDocument(person.planId), gpCookie);
    await synced(shared);
    const gp = await me(server.url, gpCookie);
    const goalText = 'Walk to the allotment and back';
    addGoal(shared.doc, { text: goalText, horizon: 'month', category: 'physical-health' }, gp.id);
    const goalId = readGoals(shared.doc)[0]!.id;

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'gp@demo.test');
    await openPlan(page, person.planId);
    await listenForAnnouncements(page);
    const rating = page.locator(`#goal-${goalId}-progress`);
    for (const round of [1, 2]) {
      await rating.selectOption('4');
      await page.getByRole('button', { name: `Record progress: ${goalText}` }).click();
      await waitFor(
        () => readGoals(shared.doc)[0]!.progress.length === round,
        `rating ${round} to arrive`,
      );
      await expect
        .poll(() => timesSaid(page, `Progress 4 out of 10 recorded: ${goalText}`), {
          timeout: STEP_MS,
        })
        .toBe(round);
    }
  });
});

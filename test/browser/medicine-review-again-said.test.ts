import { beforeAll, describe, expect, it } from 'vitest';
import { addMedication, clinicalPlanDocument, readMedications } from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`recording the same medicine review twice (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('reads out the second one too', async () => {
    const cookie = await login(server.url, 'pharmacist@demo.test');
    const person = await addPerson(server.url, cookie, 'Recovery');
    const clinical = connect(server.wsUrl, clinicalPlanDocument(person.planId), cookie);
    await synced(clinical);
    const pharmacist = await me(server.url, cookie);
    addMedication(
      clinical.doc,
      { name: 'Amlodipine', dose: '5 mg', frequency: 'Daily' },
      pharmacist.id,
    );
    const medicationId = readMedications(clinical.doc)[0]!.id;

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'pharmacist@demo.test');
    await openPlan(page, person.planId);
    const outcome = page.locator(`#medication-${medicationId}-outcome`);
    await outcome.waitFor({ timeout: STEP_MS });
    // Each text the item's status region takes on, as a screen reader would be told of it.
    await page.evaluate(`(() => {
      const region = document.getElementById('${`medication-${medicationId}-outcome`}')
        .closest('li').querySelector('[role="status"]');
      window.said = [];
      new MutationObserver(() => { window.said.push(region.textContent.trim()); })
        .observe(region, { childList: true, characterData: true, subtree: true });
    })()`);
    const recordedAt = () => readMedications(clinical.doc)[0]!.lastReviewedAt;
    for (const round of [1, 2]) {
      const before = recordedAt();
      await outcome.selectOption({ label: 'Reviewed no change' });
      await page.getByRole('button', { name: 'Record review: Amlodipine' }).click();
      await waitFor(() => recordedAt() !== before, `review ${round} to arrive`);
      await page.waitForTimeout(300);
    }
    const said = (await page.evaluate('window.said')) as string[];
    expect(
      said.filter((s) => s === 'Review recorded: Amlodipine, reviewed no change'),
    ).toHaveLength(2);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, addBarrier, ITEM_TEXT_MAX, sharedPlanDocument } from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { connect, destroy, login, synced } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`a plan field refused as it is left (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says why at once, where the focus has gone on, as an alert', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const writer = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(writer);
    const navigator = await me(server.url, navCookie);
    addBarrier(writer.doc, { text: 'Lives alone', kind: 'social-isolation' }, navigator.id);
    addAction(writer.doc, { text: 'Ring the housing office' }, navigator.id);
    destroy(writer);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);

    const overcome = sectionOf(page, 'Barriers').getByLabel(
      'How it will be overcome (barrier: Lives alone)',
    );
    await overcome.fill('Join the Tuesday lunch club. '.repeat(20));
    await overcome.press('Tab');
    await page
      .getByRole('alert')
      .filter({ hasText: `must be ${ITEM_TEXT_MAX} characters or fewer` })
      .waitFor({ timeout: STEP_MS });

    const due = sectionOf(page, 'Actions').getByLabel(
      'Due date of action: Ring the housing office',
    );
    await due.fill('0027-01-15');
    await due.blur();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Enter the year in full, such as 2027' })
      .waitFor({ timeout: STEP_MS });
    expect(await page.evaluate('document.activeElement?.id')).not.toBe(
      await due.getAttribute('id'),
    );
  });
});

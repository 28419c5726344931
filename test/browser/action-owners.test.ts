import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, sharedPlanDocument } from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const PARTNER = 'Kim Ashworth';
const ADMIN = 'Chris Lowe';
const NURSE = 'Sam Whitfield';

/** The names the "Add an action" form offers as owner. */
async function ownersOffered(page: Page): Promise<string[]> {
  const select = page.locator('#new-action-owner');
  await select.waitFor({ timeout: STEP_MS });
  return (await select.locator('option').allInnerTexts()).map((t) => t.trim());
}

describe(`who may own a plan's actions (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('offers only people who may see the plan: the partner with consent, the administrator never', async () => {
    const privatePerson = await addPerson(server.url, navCookie, 'Prevention');
    const sharing = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    // An action given to the partner before anyone noticed the person had not consented.
    const partner = await me(server.url, await login(server.url, 'partner@demo.test'));
    const navigator = await me(server.url, navCookie);
    const editor = connect(server.wsUrl, sharedPlanDocument(privatePerson.planId), navCookie);
    await synced(editor);
    addAction(editor.doc, { text: 'Find a knitting group', ownerId: partner.id }, navigator.id);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, privatePerson.planId);
    const offered = await ownersOffered(page);
    expect(offered).toContain(NURSE);
    expect(offered).not.toContain(PARTNER);
    expect(offered).not.toContain(ADMIN);
    const item = sectionOf(page, 'Actions')
      .getByRole('listitem')
      .filter({ hasText: 'Find a knitting group' });
    await item.getByText(`Owner: ${PARTNER} (cannot see this plan)`).waitFor({ timeout: STEP_MS });

    await openPlan(page, sharing.planId);
    const withConsent = await ownersOffered(page);
    expect(withConsent).toEqual(expect.arrayContaining([NURSE, PARTNER]));
    expect(withConsent).not.toContain(ADMIN);
  });
});

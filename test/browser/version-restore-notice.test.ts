import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, readActions, sharedPlanDocument } from '@careweave/shared';
import { getJson, me, send } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { signOffPlan } from '../support/meetings.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`restoring a version, as a care navigator (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says first what will go, and afterwards that only the shared plan was restored', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const navigator = await me(server.url, navCookie);
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const label = `Agreed at the test MDT ${Date.now()}`;
    await signOffPlan(server.url, gpCookie, person.planId, label);

    // An action added after the sign-off, on the server before anyone restores.
    const editor = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(editor);
    addAction(editor.doc, { text: 'Ring the choir leader' }, navigator.id);
    const check = connect(server.wsUrl, sharedPlanDocument(person.planId), gpCookie);
    await synced(check);
    await waitFor(
      () => readActions(check.doc).some((a) => a.text === 'Ring the choir leader'),
      'the new action on the server',
    );

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    const versions = sectionOf(page, 'Versions');
    expect(await versions.innerText()).not.toMatch(/nothing is lost/i);
    await versions.getByRole('button', { name: /^Restore this version/ }).click();
    const confirm = versions.getByRole('group');
    await confirm
      .getByRole('list', { name: 'What restoring would change' })
      .getByText('Actions: “Ring the choir leader”, added since sign-off, will be removed')
      .waitFor({ timeout: STEP_MS });
    expect(await confirm.innerText()).toContain('The clinical record is not changed.');
    // Opening the confirmation is recorded as a restore preview, not as comparing versions.
    const adminCookie = await login(server.url, 'admin@demo.test');
    const audit = await getJson<{ entries: { action: string; detail: { how?: string } }[] }>(
      server.url,
      `/api/audit?userId=${navigator.id}&planId=${person.planId}`,
      adminCookie,
    );
    const opened = audit.entries.filter((e) => e.action === 'version.open');
    expect(opened.map((e) => e.detail.how)).toEqual(['restore-preview']);

    await confirm.getByRole('button', { name: 'Yes, restore this version' }).click();
    const said = versions.getByRole('status');
    await said.getByText(`Restored “${label}”`).waitFor({ timeout: STEP_MS });
    expect(await said.innerText()).toContain(
      'The clinical record was not changed: only those who edit it can restore it.',
    );
    await waitFor(
      () => !readActions(check.doc).some((a) => a.text === 'Ring the choir leader'),
      'the action gone',
    );
  });

  it('tells a colleague who has the plan open who restored which version', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const navigator = await me(server.url, navCookie);
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const label = `Agreed at the Reddish MDT ${Date.now()}`;
    const versionId = await signOffPlan(server.url, gpCookie, person.planId, label);
    const editor = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(editor);
    addAction(editor.doc, { text: 'Book the hearing test' }, navigator.id);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'gp@demo.test');
    await openPlan(page, person.planId);
    await sectionOf(page, 'Actions')
      .getByText('Book the hearing test')
      .first()
      .waitFor({ timeout: STEP_MS });
    const restore = `/api/plans/${person.planId}/versions/${versionId}/restore`;
    expect((await send(server.url, 'POST', restore, nurseCookie, {})).status).toBe(200);

    await page
      .getByRole('status')
      .getByText(`Sam Whitfield restored the version “${label}”`)
      .waitFor({ timeout: STEP_MS });
    await expect
      .poll(() => sectionOf(page, 'Actions').getByText('Book the hearing test').count(), {
        timeout: STEP_MS,
      })
      .toBe(0);
  });
});

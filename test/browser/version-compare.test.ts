import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAction,
  appendParagraphs,
  readActions,
  sharedPlanDocument,
  whatMattersToMe,
} from '@careweave/shared';
import { me, send } from '../support/api.js';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { signOffPlan } from '../support/meetings.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`comparing a version with the plan now (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says a plan edited and then restored reads as it did, rather than that it changed', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const navigator = await me(server.url, navCookie);
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const versionId = await signOffPlan(server.url, gpCookie, person.planId, 'Agreed');

    const editor = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(editor);
    addAction(editor.doc, { text: 'Ring the choir leader' }, navigator.id);
    const restore = `/api/plans/${person.planId}/versions/${versionId}/restore`;
    const compare = `/plans/${person.planId}/versions/${versionId}/compare`;

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    const shared = page.getByRole('region', { name: 'Shared plan' });
    // What the shared plan's part of the page says, once what was sent is stored.
    const sharedSays = () =>
      expect.poll(
        async () => {
          await page.goto(compare);
          return shared.innerText();
        },
        { timeout: STEP_MS },
      );
    await sharedSays().toContain('Changed since by Jo Hartley.');

    expect((await send(server.url, 'POST', restore, navCookie, {})).status).toBe(200);
    await waitFor(() => readActions(editor.doc).length === 0, 'the restore to reach the editor');
    await sharedSays().toContain('Edited since by Jo Hartley, but it reads as it did then');
    expect(await shared.innerText()).not.toContain('Changed since');
  });

  it('names who changed each section, not only the plan as a whole', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const navigator = await me(server.url, navCookie);
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const versionId = await signOffPlan(server.url, gpCookie, person.planId, 'Agreed');

    const byNavigator = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    const byNurse = connect(server.wsUrl, sharedPlanDocument(person.planId), nurseCookie);
    await Promise.all([synced(byNavigator), synced(byNurse)]);
    addAction(byNavigator.doc, { text: 'Ring the choir leader' }, navigator.id);
    appendParagraphs(whatMattersToMe(byNurse.doc), ['Seeing my grandchildren on Sundays']);

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'gp@demo.test');
    const section = (name: string) =>
      page.getByRole('region', { name: 'Shared plan' }).locator(`[data-section="${name}"]`);
    await expect
      .poll(
        async () => {
          await page.goto(`/plans/${person.planId}/versions/${versionId}/compare`);
          return page.getByRole('region', { name: 'Shared plan' }).innerText();
        },
        { timeout: STEP_MS },
      )
      .toMatch(/Changed since by (Jo Hartley, Sam Whitfield|Sam Whitfield, Jo Hartley)\./);
    expect(await section('actions').innerText()).toContain('Changed by Jo Hartley');
    expect(await section('actions').innerText()).not.toContain('Sam Whitfield');
    expect(await section('whatMattersToMe').innerText()).toContain('Changed by Sam Whitfield');
    expect(await section('whatMattersToMe').innerText()).not.toContain('Jo Hartley');
    expect(await section('goals').innerText()).not.toContain('Changed by');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import {
  addCondition,
  addMedication,
  clinicalPlanDocument,
  readConditions,
  updateCondition,
} from '@careweave/shared';
import { me } from '../support/api.js';
import { launchBrowser, openPlan, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { connect, login, synced } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the clinical record to someone who may only read it (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('shows conditions and medicines as text, with no controls they cannot use', async () => {
    const cookie = await login(server.url, 'gp@demo.test');
    const person = await addPerson(server.url, cookie, 'Recovery');
    const clinical = connect(server.wsUrl, clinicalPlanDocument(person.planId), cookie);
    await synced(clinical);
    const gp = await me(server.url, cookie);
    addCondition(clinical.doc, { name: 'COPD', diagnosed: null }, gp.id);
    updateCondition(clinical.doc, readConditions(clinical.doc)[0]!.id, {
      notes: 'Uses a spacer; rescue pack at home',
    });
    addMedication(
      clinical.doc,
      { name: 'Salbutamol', dose: '100 mcg', frequency: 'When needed' },
      gp.id,
    );

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await openPlan(page, person.planId);
    const record = sectionOf(page, 'Clinical record');
    await record.getByText('Salbutamol', { exact: true }).waitFor({ timeout: STEP_MS });
    await record.getByText('Notes: Uses a spacer; rescue pack at home').waitFor();
    await record.getByText('When needed', { exact: true }).waitFor();
    expect(await record.getByRole('textbox', { name: /^(Notes|Dose|Frequency)\b/ }).count()).toBe(
      0,
    );
    expect(await record.getByRole('combobox', { name: /^Review outcome/ }).count()).toBe(0);
    expect(await record.getByRole('button', { name: /^Record review/ }).count()).toBe(0);
  });
});

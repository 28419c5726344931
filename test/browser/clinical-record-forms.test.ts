import { beforeAll, describe, expect, it } from 'vitest';
import {
  addCondition,
  addMedication,
  clinicalPlanDocument,
  MEDICINE_DETAIL_MAX,
  readConditions,
  readMedications,
  updateCondition,
} from '@careweave/shared';
import { me } from '../support/api.js';
import {
  launchBrowser,
  listenForAnnouncements,
  openPlan,
  sectionOf,
  signIn,
  STEP_MS,
  timesSaid,
} from '../support/browser.js';
import { connect, login, synced, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

const focusedId = 'document.activeElement ? document.activeElement.id : null';
const tooLong = 'Two tablets in the morning with food, then one at night. '.repeat(3).trim();

describe(`the clinical record's forms, heard and read (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  /** A new person's clinical record, open in a client as `email`, who writes what a test adds. */
  async function newRecord(email: string) {
    const cookie = await login(server.url, email);
    const person = await addPerson(server.url, cookie, 'Recovery');
    const clinical = connect(server.wsUrl, clinicalPlanDocument(person.planId), cookie);
    await synced(clinical);
    return { planId: person.planId, doc: clinical.doc, by: (await me(server.url, cookie)).id };
  }

  /** A new record holding one medicine, open in the pharmacist's browser. */
  async function pharmacistWith(medicine: { name: string; dose: string; frequency: string }) {
    const record = await newRecord('pharmacist@demo.test');
    addMedication(record.doc, medicine, record.by);
    const medicationId = readMedications(record.doc)[0]!.id;
    const page = await openAs('pharmacist@demo.test', record.planId);
    return { record, medicationId, page };
  }

  /** The plan, live, in a browser signed in as `email`. */
  async function openAs(email: string, planId: string) {
    const page = await signIn(await launchBrowser(), server, email);
    await openPlan(page, planId);
    return page;
  }

  describe('adding a condition or medicine with nothing typed', () => {
    it('reads the error out when Enter is pressed in the field, and again, and marks the field', async () => {
      const record = await newRecord('gp@demo.test');
      const page = await openAs('gp@demo.test', record.planId);
      await listenForAnnouncements(page);

      // The focus is already in the field, so only an alert makes the error heard.
      await page.locator('#new-condition-name').press('Enter');
      await page
        .getByRole('alert')
        .filter({ hasText: 'Enter the condition' })
        .waitFor({ timeout: STEP_MS });
      expect(await page.locator('#new-condition-name').getAttribute('class')).toMatch(
        /\binput-error\b/,
      );
      await page.locator('#new-condition-name').press('Enter');
      await expect.poll(() => timesSaid(page, 'Enter the condition'), { timeout: STEP_MS }).toBe(2);

      await page.locator('#new-medication-name').press('Enter');
      await page
        .getByRole('alert')
        .filter({ hasText: 'Enter the medicine' })
        .waitFor({ timeout: STEP_MS });
      await page.locator('#new-medication-name').press('Enter');
      await expect.poll(() => timesSaid(page, 'Enter the medicine'), { timeout: STEP_MS }).toBe(2);
      expect(readConditions(record.doc)).toHaveLength(0);
      expect(readMedications(record.doc)).toHaveLength(0);
    });
  });

  describe('adding a medication from the keyboard', () => {
    it('says which medicine was added and leaves the focus ready for the next', async () => {
      const record = await newRecord('pharmacist@demo.test');
      const page = await openAs('pharmacist@demo.test', record.planId);

      await page.locator('#new-medication-name').focus();
      await page.keyboard.type('Sertraline');
      await page.keyboard.press('Tab');
      await page.keyboard.type('50 mg');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Once a day');
      await page.keyboard.press('Enter');
      await waitFor(() => readMedications(record.doc).length === 1, 'the medicine to arrive');
      await page
        .getByRole('status')
        .filter({ hasText: 'Medication added: Sertraline' })
        .waitFor({ state: 'attached', timeout: STEP_MS });
      expect(await page.evaluate(focusedId)).toBe('new-medication-name');
    });
  });

  describe("a medicine's dose or frequency", () => {
    it('is refused past its limit with a message at the field, and what was typed stays', async () => {
      expect(tooLong.length).toBeGreaterThan(MEDICINE_DETAIL_MAX);
      const { record, medicationId, page } = await pharmacistWith({
        name: 'Metformin',
        dose: '500 mg',
        frequency: 'Twice a day',
      });

      const frequency = page.locator(`#medication-${medicationId}-frequency`);
      await frequency.fill(tooLong);
      await frequency.press('Tab');
      await page
        .getByRole('alert')
        .filter({ hasText: `The frequency must be ${MEDICINE_DETAIL_MAX} characters or fewer` })
        .waitFor({ timeout: STEP_MS });
      expect(await frequency.inputValue()).toBe(tooLong);
      expect(await frequency.getAttribute('aria-invalid')).toBe('true');
      expect(readMedications(record.doc)[0]!.frequency).toBe('Twice a day');

      await page.locator('#new-medication-name').fill('Ramipril');
      await page.locator('#new-medication-dose').fill(tooLong);
      await page.locator('#new-medication-frequency').fill('Once a day');
      await page.getByRole('button', { name: 'Add medication' }).click();
      await page
        .getByText(`The dose must be ${MEDICINE_DETAIL_MAX} characters or fewer`)
        .waitFor({ timeout: STEP_MS });
      expect(await page.evaluate(focusedId)).toBe('new-medication-dose');
      expect(await page.locator('#new-medication-dose').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#new-medication-name').inputValue()).toBe('Ramipril');
      expect(await page.locator('#new-medication-dose').inputValue()).toBe(tooLong);
      expect(await page.locator('#new-medication-frequency').inputValue()).toBe('Once a day');

      await page.locator('#new-medication-dose').fill('2.5 mg');
      await page.getByRole('button', { name: 'Add medication' }).click();
      await frequency.fill('Twice a day with food');
      await frequency.press('Tab');
      await waitFor(
        () =>
          readMedications(record.doc).length === 2 &&
          readMedications(record.doc)[0]!.frequency === 'Twice a day with food',
        'the medicine added and the frequency saved once short enough',
      );
      expect(readMedications(record.doc)[1]).toMatchObject({
        name: 'Ramipril',
        dose: '2.5 mg',
        frequency: 'Once a day',
      });
      expect(await page.getByText('characters or fewer').count()).toBe(0);
    });
  });

  describe("a medicine's dose or frequency changed in the list", () => {
    it('is read out as saved once it is saved, as nothing else on screen says so', async () => {
      const { record, medicationId, page } = await pharmacistWith({
        name: 'Metformin',
        dose: '500 mg',
        frequency: 'Twice a day',
      });
      await listenForAnnouncements(page);

      await page.locator(`#medication-${medicationId}-dose`).fill('1 g');
      await page.locator(`#medication-${medicationId}-dose`).press('Tab');
      await waitFor(() => readMedications(record.doc)[0]!.dose === '1 g', 'the dose to arrive');
      await page
        .getByRole('status')
        .filter({ hasText: 'Dose saved: Metformin, 1 g' })
        .waitFor({ state: 'attached', timeout: STEP_MS });

      await page.locator(`#medication-${medicationId}-frequency`).fill('');
      await page.locator(`#medication-${medicationId}-frequency`).press('Tab');
      await waitFor(
        () => readMedications(record.doc)[0]!.frequency === '',
        'the frequency to be emptied',
      );
      await expect
        .poll(() => timesSaid(page, 'Frequency removed: Metformin'), { timeout: STEP_MS })
        .toBe(1);
    });
  });

  describe('recording the same medicine review twice', () => {
    it('reads out the second one too', async () => {
      const { record, medicationId, page } = await pharmacistWith({
        name: 'Amlodipine',
        dose: '5 mg',
        frequency: 'Daily',
      });
      const outcome = page.locator(`#medication-${medicationId}-outcome`);
      await outcome.waitFor({ timeout: STEP_MS });
      await listenForAnnouncements(page);
      const recordedAt = () => readMedications(record.doc)[0]!.lastReviewedAt;
      for (const round of [1, 2]) {
        const before = recordedAt();
        await outcome.selectOption({ label: 'Reviewed no change' });
        await page.getByRole('button', { name: 'Record review: Amlodipine' }).click();
        await waitFor(() => recordedAt() !== before, `review ${round} to arrive`);
        await page.waitForTimeout(300);
      }
      expect(await timesSaid(page, 'Review recorded: Amlodipine, reviewed no change')).toBe(2);
    });
  });

  describe('a medicine whose review outcome is stopped', () => {
    it('is listed, tagged Stopped, in its own group after the medicines still taken', async () => {
      const record = await newRecord('pharmacist@demo.test');
      for (const name of ['Naproxen', 'Omeprazole']) {
        addMedication(record.doc, { name, dose: '', frequency: '' }, record.by);
      }
      const naproxen = readMedications(record.doc)[0]!.id;

      const page = await openAs('pharmacist@demo.test', record.planId);
      await page.locator(`#medication-${naproxen}-outcome`).selectOption({ label: 'Stopped' });
      await page.getByRole('button', { name: 'Record review: Naproxen' }).click();

      const stopped = page.getByRole('list', { name: 'Stopped medicines' });
      await stopped.getByText('Naproxen', { exact: true }).waitFor({ timeout: STEP_MS });
      // Moved to the other group, the medicine keeps the focus and its review is still read out.
      await page
        .getByRole('status')
        .filter({ hasText: 'Review recorded: Naproxen, stopped' })
        .waitFor({ state: 'attached', timeout: STEP_MS });
      expect(await page.evaluate(focusedId)).toBe(`medication-${naproxen}-outcome`);
      expect(await stopped.locator('.tag').allInnerTexts()).toEqual(['Stopped']);
      const current = page.getByRole('list', { name: 'Medications' });
      expect(await current.getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringContaining('Omeprazole'),
      ]);
      // Read in page order, the stopped group comes after the medicines still taken.
      const names = await sectionOf(page, 'Clinical record').locator('.item-text').allInnerTexts();
      expect(names.filter((n) => n === 'Naproxen' || n === 'Omeprazole')).toEqual([
        'Omeprazole',
        'Naproxen',
      ]);
      expect(readMedications(record.doc).map((m) => m.name)).toEqual(['Naproxen', 'Omeprazole']);
    });
  });

  describe('removing a condition or medicine added by mistake', () => {
    it('asks first, Escape meaning no, then removes it, says so and moves the focus on', async () => {
      const record = await newRecord('gp@demo.test');
      addCondition(record.doc, { name: 'COPD' }, record.by);
      addCondition(record.doc, { name: 'Asthma' }, record.by);
      addMedication(record.doc, { name: 'Sertraline', dose: '', frequency: '' }, record.by);
      const [copd, asthma] = readConditions(record.doc).map((c) => c.id);
      const conditionNames = () => readConditions(record.doc).map((c) => c.name);

      const page = await openAs('gp@demo.test', record.planId);
      const focusedItem = 'document.activeElement?.dataset.itemId ?? document.activeElement?.id';

      await page.getByRole('button', { name: 'Remove: COPD' }).click();
      const question = page.getByRole('group', { name: /^Remove COPD from the long-term/ });
      await question.waitFor({ timeout: STEP_MS });
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Yes, remove');
      await page.keyboard.press('Escape');
      await question.waitFor({ state: 'detached', timeout: STEP_MS });
      expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(
        'Remove: COPD',
      );
      expect(conditionNames()).toEqual(['COPD', 'Asthma']);

      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Yes, remove' }).click();
      await waitFor(() => conditionNames().join() === 'Asthma', 'COPD to be removed');
      await page
        .getByRole('status')
        .filter({ hasText: 'Condition removed: COPD' })
        .waitFor({ state: 'attached', timeout: STEP_MS });
      expect(await page.evaluate(focusedItem)).toBe(asthma);
      expect(copd).not.toBe(asthma);

      await page.getByRole('button', { name: 'Remove: Asthma' }).click();
      await page.getByRole('button', { name: 'Yes, remove' }).click();
      await waitFor(() => conditionNames().length === 0, 'Asthma to be removed');
      await page.getByText('No long-term conditions recorded.').waitFor({ timeout: STEP_MS });
      expect(await page.evaluate(focusedItem)).toBe('conditions-title');

      await page.getByRole('button', { name: 'Remove: Sertraline' }).click();
      await page.getByRole('button', { name: 'Yes, remove' }).click();
      await waitFor(() => readMedications(record.doc).length === 0, 'Sertraline removed');
      await page
        .getByRole('status')
        .filter({ hasText: 'Medication removed: Sertraline' })
        .waitFor({ state: 'attached', timeout: STEP_MS });
      expect(await page.evaluate(focusedItem)).toBe('medications-title');
    });
  });

  describe('the clinical record to someone who may only read it', () => {
    it('shows conditions and medicines as text, with no controls they cannot use', async () => {
      const record = await newRecord('gp@demo.test');
      addCondition(record.doc, { name: 'COPD', diagnosed: null }, record.by);
      updateCondition(record.doc, readConditions(record.doc)[0]!.id, {
        notes: 'Uses a spacer; rescue pack at home',
      });
      addMedication(
        record.doc,
        { name: 'Salbutamol', dose: '100 mcg', frequency: 'When needed' },
        record.by,
      );

      const page = await openAs('navigator@demo.test', record.planId);
      const shown = sectionOf(page, 'Clinical record');
      await shown.getByText('Salbutamol', { exact: true }).waitFor({ timeout: STEP_MS });
      await shown.getByText('Notes: Uses a spacer; rescue pack at home').waitFor();
      await shown.getByText('When needed', { exact: true }).waitFor();
      expect(await shown.getByRole('textbox', { name: /^(Notes|Dose|Frequency)\b/ }).count()).toBe(
        0,
      );
      expect(await shown.getByRole('combobox', { name: /^Review outcome/ }).count()).toBe(0);
      expect(await shown.getByRole('button', { name: /^Record review/ }).count()).toBe(0);
      expect(await shown.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    });
  });
});

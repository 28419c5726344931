import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCondition,
  addMedication,
  CLINICAL_PLAN_SECTIONS,
  ClinicalPlan,
  readConditions,
  readMedications,
  removeCondition,
  removeMedication,
  reviewMedication,
  updateCondition,
  updateMedication,
} from './clinical-plan.js';

const AT = new Date('2025-03-01T09:00:00.000Z');
const REVIEWED = new Date('2025-03-20T11:15:00.000Z');

describe('clinical plan medications', () => {
  it('adds a medication as not yet reviewed by anyone', () => {
    const doc = new Y.Doc();
    const id = addMedication(
      doc,
      { name: 'Metformin', dose: '500 mg', frequency: 'twice daily' },
      'gp-1',
      AT,
    );
    expect(readMedications(doc)).toEqual([
      {
        id,
        position: 1,
        createdBy: 'gp-1',
        createdAt: AT.toISOString(),
        name: 'Metformin',
        dose: '500 mg',
        frequency: 'twice daily',
        reviewStatus: 'not-reviewed',
        lastReviewedBy: null,
        lastReviewedAt: null,
      },
    ]);
  });

  it('records who reviewed a medicine, when, and the outcome', () => {
    const doc = new Y.Doc();
    const id = addMedication(
      doc,
      { name: 'Sertraline', dose: '50 mg', frequency: 'daily' },
      'gp-1',
      AT,
    );
    expect(reviewMedication(doc, id, 'changed', 'pharmacist-1', REVIEWED)).toBe(true);
    expect(readMedications(doc)[0]).toMatchObject({
      reviewStatus: 'changed',
      lastReviewedBy: 'pharmacist-1',
      lastReviewedAt: REVIEWED.toISOString(),
    });
    // A later review replaces the last one.
    const later = new Date('2025-06-01T08:00:00.000Z');
    reviewMedication(doc, id, 'reviewed-no-change', 'gp-1', later);
    expect(readMedications(doc)[0]).toMatchObject({
      reviewStatus: 'reviewed-no-change',
      lastReviewedBy: 'gp-1',
      lastReviewedAt: later.toISOString(),
    });
    expect(reviewMedication(doc, 'no-such-medicine', 'stopped', 'gp-1', later)).toBe(false);
  });

  it('edits dose and frequency without touching the last review', () => {
    const doc = new Y.Doc();
    const id = addMedication(
      doc,
      { name: 'Ramipril', dose: '2.5 mg', frequency: 'daily' },
      'gp-1',
      AT,
    );
    reviewMedication(doc, id, 'reviewed-no-change', 'pharmacist-1', REVIEWED);
    expect(updateMedication(doc, id, { dose: '5 mg', frequency: 'at night' })).toBe(true);
    expect(readMedications(doc)[0]).toMatchObject({
      name: 'Ramipril',
      dose: '5 mg',
      frequency: 'at night',
      reviewStatus: 'reviewed-no-change',
      lastReviewedBy: 'pharmacist-1',
      lastReviewedAt: REVIEWED.toISOString(),
    });
    expect(updateMedication(doc, 'no-such-medicine', { dose: '1 mg' })).toBe(false);
  });

  it('reads an unknown review status as not reviewed', () => {
    const doc = new Y.Doc();
    addMedication(doc, { name: 'x', dose: 'y', frequency: 'z' }, 'gp-1', AT);
    doc.getArray<Y.Map<unknown>>(ClinicalPlan.medications).get(0).set('reviewStatus', 'maybe');
    expect(readMedications(doc)[0]!.reviewStatus).toBe('not-reviewed');
  });
});

describe('clinical plan conditions', () => {
  it('adds, reads and updates long-term conditions in order', () => {
    const doc = new Y.Doc();
    const copd = addCondition(doc, { name: 'COPD', diagnosed: '2019-04-01' }, 'gp-1', AT);
    const diabetes = addCondition(doc, { name: 'Type 2 diabetes' }, 'nurse-1', AT);
    expect(readConditions(doc)).toEqual([
      {
        id: copd,
        position: 1,
        createdBy: 'gp-1',
        createdAt: AT.toISOString(),
        name: 'COPD',
        diagnosed: '2019-04-01',
        notes: '',
      },
      {
        id: diabetes,
        position: 2,
        createdBy: 'nurse-1',
        createdAt: AT.toISOString(),
        name: 'Type 2 diabetes',
        diagnosed: null,
        notes: '',
      },
    ]);
    expect(updateCondition(doc, diabetes, { notes: 'HbA1c 58', diagnosed: '2021-01-05' })).toBe(
      true,
    );
    expect(readConditions(doc)[1]).toMatchObject({ notes: 'HbA1c 58', diagnosed: '2021-01-05' });
    expect(updateCondition(doc, 'no-such-condition', { notes: 'x' })).toBe(false);
  });
});

describe('removing a clinical item added by mistake', () => {
  it('removes only the condition or medication named, once', () => {
    const doc = new Y.Doc();
    const copd = addCondition(doc, { name: 'COPD' }, 'gp-1', AT);
    const asthma = addCondition(doc, { name: 'Asthma' }, 'gp-1', AT);
    const wrong = addMedication(doc, { name: 'Sertraline', dose: '', frequency: '' }, 'gp-1', AT);
    const right = addMedication(doc, { name: 'Citalopram', dose: '', frequency: '' }, 'gp-1', AT);

    expect(removeCondition(doc, copd)).toBe(true);
    expect(removeMedication(doc, wrong)).toBe(true);
    expect(readConditions(doc).map((c) => c.id)).toEqual([asthma]);
    expect(readMedications(doc).map((m) => m.id)).toEqual([right]);

    expect(removeCondition(doc, copd)).toBe(false);
    expect(removeMedication(doc, wrong)).toBe(false);
    // A condition's id is not a medication's: nothing is removed from the other list.
    expect(removeMedication(doc, asthma)).toBe(false);
    expect(readConditions(doc)).toHaveLength(1);
  });
});

describe('clinical plan sections', () => {
  it('names every top-level type as a list or rich text', () => {
    expect(CLINICAL_PLAN_SECTIONS).toEqual({
      clinicalSummary: 'text',
      conditions: 'list',
      medications: 'list',
      mentalHealthRisk: 'text',
      safeguarding: 'text',
    });
    expect(Object.keys(CLINICAL_PLAN_SECTIONS).sort()).toEqual(Object.values(ClinicalPlan).sort());
  });
});

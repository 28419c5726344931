import type * as Y from 'yjs';
import {
  baseFields,
  insertItem,
  oneOf,
  optional,
  orderedItems,
  patchItem,
  removeItem,
  text,
  type ItemMap,
  type ListItem,
} from './lists.js';

// The shape of `plan:<id>:clinical` (DESIGN §2): never sent to a voluntary-sector partner.

export const MEDICATION_REVIEW_STATUSES = [
  'not-reviewed',
  'reviewed-no-change',
  'changed',
  'stopped',
] as const;
export type MedicationReviewStatus = (typeof MEDICATION_REVIEW_STATUSES)[number];

export interface Condition extends ListItem {
  name: string;
  diagnosed: string | null;
  notes: string;
}

export interface Medication extends ListItem {
  name: string;
  dose: string;
  frequency: string;
  reviewStatus: MedicationReviewStatus;
  lastReviewedBy: string | null;
  lastReviewedAt: string | null;
}

export const ClinicalPlan = {
  clinicalSummary: 'clinicalSummary',
  conditions: 'conditions',
  medications: 'medications',
  mentalHealthRisk: 'mentalHealthRisk',
  safeguarding: 'safeguarding',
} as const;

export type ClinicalRichText = 'clinicalSummary' | 'mentalHealthRisk' | 'safeguarding';

export const conditionList = (doc: Y.Doc) => doc.getArray<ItemMap>(ClinicalPlan.conditions);
export const medicationList = (doc: Y.Doc) => doc.getArray<ItemMap>(ClinicalPlan.medications);

export function readConditions(doc: Y.Doc): Condition[] {
  return orderedItems(conditionList(doc)).map((item) => ({
    ...baseFields(item),
    name: text(item, 'name'),
    diagnosed: optional(item, 'diagnosed'),
    notes: text(item, 'notes'),
  }));
}

export function readMedications(doc: Y.Doc): Medication[] {
  return orderedItems(medicationList(doc)).map((item) => ({
    ...baseFields(item),
    name: text(item, 'name'),
    dose: text(item, 'dose'),
    frequency: text(item, 'frequency'),
    reviewStatus: oneOf(item, 'reviewStatus', MEDICATION_REVIEW_STATUSES, 'not-reviewed'),
    lastReviewedBy: optional(item, 'lastReviewedBy'),
    lastReviewedAt: optional(item, 'lastReviewedAt'),
  }));
}

export function addCondition(
  doc: Y.Doc,
  input: Pick<Condition, 'name'> & Partial<Pick<Condition, 'diagnosed' | 'notes'>>,
  by: string,
  at = new Date(),
): string {
  return insertItem(conditionList(doc), { diagnosed: '', notes: '', ...input }, by, at);
}

export function addMedication(
  doc: Y.Doc,
  input: Pick<Medication, 'name' | 'dose' | 'frequency'>,
  by: string,
  at = new Date(),
): string {
  return insertItem(
    medicationList(doc),
    { ...input, reviewStatus: 'not-reviewed', lastReviewedBy: '', lastReviewedAt: '' },
    by,
    at,
  );
}

export const updateCondition = (
  doc: Y.Doc,
  id: string,
  patch: Partial<Pick<Condition, 'name' | 'diagnosed' | 'notes'>>,
) => patchItem(conditionList(doc), id, patch);

export const updateMedication = (
  doc: Y.Doc,
  id: string,
  patch: Partial<Pick<Medication, 'name' | 'dose' | 'frequency'>>,
) => patchItem(medicationList(doc), id, patch);

/** Removes a condition added by mistake; the update log still says who removed what. */
export const removeCondition = (doc: Y.Doc, id: string) => removeItem(conditionList(doc), id);

/** Removes a medication added by mistake (a stopped one is kept, reviewed as stopped). */
export const removeMedication = (doc: Y.Doc, id: string) => removeItem(medicationList(doc), id);

/** Records a medicine review outcome, by whom and when. */
export function reviewMedication(
  doc: Y.Doc,
  id: string,
  outcome: MedicationReviewStatus,
  by: string,
  at = new Date(),
): boolean {
  return patchItem(medicationList(doc), id, {
    reviewStatus: outcome,
    lastReviewedBy: by,
    lastReviewedAt: at.toISOString(),
  });
}

/** Every top-level section of the clinical document, as lists or rich text (for history). */
export const CLINICAL_PLAN_SECTIONS: Record<string, 'list' | 'text'> = {
  [ClinicalPlan.clinicalSummary]: 'text',
  [ClinicalPlan.conditions]: 'list',
  [ClinicalPlan.medications]: 'list',
  [ClinicalPlan.mentalHealthRisk]: 'text',
  [ClinicalPlan.safeguarding]: 'text',
};

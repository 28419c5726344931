import { error, redirect } from '@sveltejs/kit';
import { canEditPeople } from '@careweave/shared';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import {
  EDITABLE_FIELDS,
  editOutcome,
  editableOf,
  parseOpened,
  type EditableField,
  type EditableValues,
} from '$lib/person-form';
import { formProblems, readPersonForm, refused } from '$lib/server/person-form';
import type { Actions, PageServerLoad } from './$types';

const NOT_ALLOWED = "Your role cannot change people's details.";

const pick = <T extends object>(values: T, fields: readonly (keyof T)[]): Partial<T> =>
  Object.fromEntries(fields.map((f) => [f, values[f]])) as Partial<T>;

/** Why a field the user changed is shown again with someone else's change in it. */
function changedMeanwhile(field: EditableField, now: EditableValues): string {
  if (field === 'consentToShare') {
    const state = now.consentToShare ? 'given' : 'withdrawn';
    return `Someone else recorded consent as ${state} after you opened this form. Check it, then save again.`;
  }
  return 'Someone else changed this after you opened this form. It now shows their change: check it, then save again.';
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  if (!canEditPeople(user.role)) error(403, NOT_ALLOWED);
  const found = await runtime().people.open(user, params.personId);
  if (!found.ok) error(found.status, found.error);
  const history = await runtime().people.pathwayHistory(user, params.personId);
  return { person: found.person, pathwayHistory: history.ok ? history.history : [] };
};

export const actions: Actions = {
  save: async ({ locals, params, url, request }) => {
    const user = requireUser(locals, url);
    if (!canEditPeople(user.role)) error(403, NOT_ALLOWED);
    const found = await runtime().people.get(user, params.personId);
    if (!found.ok) error(found.status, found.error);

    // The NHS number cannot change here, so check the rest against the one on record.
    const form = await request.formData();
    const values = { ...readPersonForm(form), nhsNumber: found.person.nhsNumber };
    const now = editableOf(found.person);
    const opened = parseOpened(form.get('opened')) ?? now;
    const errors = formProblems(values);
    if (Object.keys(errors).length > 0) return refused(400, values, errors, null, opened);

    const { edited, clashes } = editOutcome(opened, values, now);
    if (clashes.length > 0) {
      // Shown again as the record is now, keeping this user's changes that clash with none.
      const fromNow = EDITABLE_FIELDS.filter((f) => !edited.includes(f) || clashes.includes(f));
      const shown = { ...values, ...pick(now, fromNow) };
      const messages = Object.fromEntries(clashes.map((f) => [f, changedMeanwhile(f, now)]));
      return refused(409, shown, messages, null, now);
    }
    const result = await runtime().people.update(user, params.personId, pick(values, edited));
    if (!result.ok) {
      return refused(result.status, values, result.fields ?? {}, result.error, opened);
    }
    // The plan says what was saved: above all, consent to share given or withdrawn.
    const saved = edited.includes('consentToShare') ? 'consent' : 'details';
    redirect(303, `/plans/${found.person.planId}?saved=${saved}`);
  },
};

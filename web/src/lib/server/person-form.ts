import { fail } from '@sveltejs/kit';
import { personProblems, todayIso } from '@careweave/shared';
import type { EditableValues, PersonFormValues } from '$lib/person-form';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export function readPersonForm(form: FormData): PersonFormValues {
  return {
    nhsNumber: text(form, 'nhsNumber'),
    givenName: text(form, 'givenName'),
    familyName: text(form, 'familyName'),
    dateOfBirth: text(form, 'dateOfBirth'),
    pathway: text(form, 'pathway'),
    gpPractice: text(form, 'gpPractice'),
    neighbourhoodId: text(form, 'neighbourhoodId'),
    consentToShare: form.get('consentToShare') === 'yes',
  };
}

/** The same per-field messages the API gives (the service checks again; this saves a trip). */
export function formProblems(values: PersonFormValues): Record<string, string> {
  return personProblems(values, todayIso());
}

/**
 * A failed submission: what was typed, a message per field, any message for the form, and the
 * person already holding the NHS number typed, when the user may open their plan.
 */
export function refused(
  status: number,
  values: PersonFormValues,
  errors: Record<string, string>,
  message: string | null = null,
  opened: EditableValues | null = null,
  known: { name: string; planId: string } | null = null,
) {
  return fail(status, { values, errors, message, opened, known });
}

import { error, redirect } from '@sveltejs/kit';
import { canEditPeople } from '@careweave/shared';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { formProblems, readPersonForm, refused } from '$lib/server/person-form';
import type { Actions, PageServerLoad } from './$types';

const NOT_ALLOWED = 'Your role cannot add people. Ask a care navigator or clinician to add them.';
const NO_TEAM =
  'You are not in a neighbourhood team, so there is no team to add a person to. Ask your team administrator to add you to one.';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  if (!canEditPeople(user.role)) error(403, NOT_ALLOWED);
  // The form has no neighbourhood to offer, and could never be saved.
  if (user.neighbourhoods.length === 0) error(403, NO_TEAM);
  return { neighbourhoods: user.neighbourhoods };
};

export const actions: Actions = {
  create: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    if (!canEditPeople(user.role)) error(403, NOT_ALLOWED);
    const values = readPersonForm(await request.formData());
    const errors = formProblems(values);
    if (Object.keys(errors).length > 0) return refused(400, values, errors);

    const result = await runtime().people.create(user, {
      nhsNumber: values.nhsNumber,
      givenName: values.givenName,
      familyName: values.familyName,
      dateOfBirth: values.dateOfBirth,
      pathway: values.pathway,
      gpPractice: values.gpPractice || undefined,
      neighbourhoodId: values.neighbourhoodId || undefined,
      consentToShare: values.consentToShare,
    });
    if (!result.ok) {
      const fields =
        result.fields ?? (result.status === 409 ? { nhsNumber: result.error } : undefined);
      return refused(result.status, values, fields ?? {}, result.error, null, result.known);
    }
    redirect(303, `/plans/${result.planId}`);
  },
};

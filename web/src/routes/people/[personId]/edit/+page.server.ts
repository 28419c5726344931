import { error, redirect } from '@sveltejs/kit';
import { canEditPeople } from '@careweave/shared';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { formProblems, readPersonForm, refused } from '$lib/server/person-form';
import type { Actions, PageServerLoad } from './$types';

const NOT_ALLOWED = "Your role cannot change people's details.";

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  if (!canEditPeople(user.role)) error(403, NOT_ALLOWED);
  const found = await runtime().people.get(user, params.personId);
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
    const values = {
      ...readPersonForm(await request.formData()),
      nhsNumber: found.person.nhsNumber,
    };
    const errors = formProblems(values);
    if (Object.keys(errors).length > 0) return refused(400, values, errors);

    const result = await runtime().people.update(user, params.personId, {
      givenName: values.givenName,
      familyName: values.familyName,
      dateOfBirth: values.dateOfBirth,
      pathway: values.pathway,
      gpPractice: values.gpPractice,
      consentToShare: values.consentToShare,
    });
    if (!result.ok) {
      return refused(result.status, values, result.fields ?? {}, result.error);
    }
    redirect(303, `/plans/${found.person.planId}`);
  },
};

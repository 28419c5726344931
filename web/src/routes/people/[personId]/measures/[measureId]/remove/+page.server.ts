import { error, fail, redirect } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { measuresPerson } from '$lib/server/measure-access';
import type { Actions, PageServerLoad } from './$types';

const NOT_ALLOWED = 'Your role cannot remove wellbeing measures.';

const person = (locals: App.Locals, url: URL, personId: string) =>
  measuresPerson(locals, url, personId, NOT_ALLOWED);

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { user, person: found } = await person(locals, url, params.personId);
  const listed = await runtime().measures.list(user, found.id);
  const measure = listed.ok ? listed.measures.find((m) => m.id === params.measureId) : undefined;
  if (!measure) {
    error(
      404,
      'There is no such wellbeing measure for this person: it may have been removed already.',
    );
  }
  return { person: { name: found.name, planId: found.planId }, measure };
};

export const actions: Actions = {
  remove: async ({ locals, params, url }) => {
    const { user, person: found } = await person(locals, url, params.personId);
    const removed = await runtime().measures.remove(user, found.id, params.measureId);
    if (!removed.ok) return fail(removed.status, { message: removed.error });
    redirect(303, `/plans/${found.planId}#wellbeing-title`);
  },
};

import { error, redirect } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

// A person is seen through their plan, whose banner holds their details: their own address
// (say, an edit page's with "/edit" taken off) leads there.
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const person = (await runtime().people.list(user)).find((p) => p.id === params.personId);
  if (!person) error(404, 'There is no such person, or you do not have access to them.');
  redirect(303, `/plans/${person.planId}`);
};

import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const figures = await runtime().dashboard.figures(user);
  if (!figures.ok) error(figures.status, figures.error);
  return { figures: figures.figures };
};

import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const figure = url.searchParams.get('figure') ?? '';
  const key = url.searchParams.get('key') ?? '';
  const listed = await runtime().dashboard.list(user, figure, key);
  if (!listed.ok) error(listed.status, listed.error);
  return { figure, key, rows: listed.rows };
};

import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  if (user.role !== 'admin') error(403, 'Only a team administrator can read the audit trail.');
  const param = (name: string) => url.searchParams.get(name) || undefined;
  const query = { userId: param('userId'), planId: param('planId'), before: param('before') };
  const [page, team, people] = await Promise.all([
    runtime().audit.list(user, query),
    runtime().people.team(user),
    runtime().audit.people(user),
  ]);
  if (!page.ok) error(page.status, page.error);
  return {
    entries: page.entries,
    next: page.next,
    team,
    people,
    userId: query.userId ?? '',
    planId: query.planId ?? '',
    before: query.before ?? '',
  };
};

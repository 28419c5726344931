import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  if (user.role !== 'admin') error(403, 'Only a team administrator can read the audit trail.');
  const param = (name: string) => url.searchParams.get(name) || undefined;
  const query = {
    userId: param('userId'),
    planId: param('planId'),
    from: param('from'),
    to: param('to'),
    before: param('before'),
  };
  const [page, team, people] = await Promise.all([
    runtime().audit.list(user, query),
    runtime().people.team(user),
    runtime().audit.people(user),
  ]);
  // Days chosen the wrong way round are put right in the form, not on an error page.
  const dayErrors = (!page.ok && page.fields) || {};
  const daysWrong = 'from' in dayErrors || 'to' in dayErrors;
  if (!page.ok && !daysWrong) error(page.status, page.error);
  return {
    entries: page.ok ? page.entries : [],
    next: page.ok ? page.next : null,
    errors: daysWrong ? dayErrors : {},
    team,
    people,
    userId: query.userId ?? '',
    planId: query.planId ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
    before: query.before ?? '',
  };
};

import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { sinceParam } from './changes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const plan = await runtime().people.openPlan(user, params.planId);
  if (!plan) error(404, 'This care plan does not exist, or you do not have access to it');
  const meetingId = url.searchParams.get('meeting');
  const [team, changes, versions, meeting] = await Promise.all([
    runtime().people.team(user),
    runtime().plans.changes(user, plan.planId, sinceParam(url)),
    runtime().versions.list(user, plan.planId),
    meetingId ? runtime().meetings.get(user, meetingId) : null,
  ]);
  return {
    plan,
    team,
    changes,
    versions: versions.ok ? versions.versions : [],
    meeting: meeting?.ok ? meeting.meeting : null,
    // Partners and administrators have no access to the meeting document: they poll instead.
    meetingSyncs: user.role !== 'voluntary_partner' && user.role !== 'admin',
    me: { id: user.id, name: user.name, role: user.role },
    canEditPerson: user.role !== 'voluntary_partner' && user.role !== 'admin',
  };
};

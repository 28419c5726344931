import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { canEditPeople } from '@careweave/shared';
import { sinceParam } from './changes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const plan = await runtime().people.openPlan(user, params.planId);
  if (!plan) error(404, 'This care plan does not exist, or you do not have access to it');
  const meetingId = url.searchParams.get('meeting');
  const [team, listed, meeting] = await Promise.all([
    runtime().people.team(user),
    runtime().versions.list(user, plan.planId),
    meetingId ? runtime().meetings.get(user, meetingId) : null,
  ]);
  const versions = listed.ok ? listed.versions : [];
  const lastSignOff = versions[0]?.createdAt ?? null;
  const changes = await runtime().plans.changes(user, plan.planId, sinceParam(url, lastSignOff));
  return {
    plan,
    team,
    changes,
    lastSignOff,
    versions,
    meeting: meeting?.ok ? meeting.meeting : null,
    // Partners and administrators have no access to the meeting document: they poll instead.
    meetingSyncs: user.role !== 'voluntary_partner' && user.role !== 'admin',
    me: { id: user.id, name: user.name, role: user.role },
    canEditPerson: canEditPeople(user.role),
  };
};

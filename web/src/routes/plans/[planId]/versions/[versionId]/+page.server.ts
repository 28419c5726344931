import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  // The version read is audited as the version opened: the live plan is not shown.
  const plan = await runtime().people.planForVersion(user, params.planId);
  if (!plan) error(404, 'This care plan does not exist, or you do not have access to it');
  const [team, owners, version] = await Promise.all([
    runtime().people.team(user),
    runtime().people.actionOwners(user, plan.planId),
    runtime().versions.get(user, plan.planId, params.versionId),
  ]);
  if (!version.ok) error(version.status, version.error);
  return {
    plan,
    team,
    owners: owners ?? [],
    version: version.version,
    me: { id: user.id, name: user.name, role: user.role },
  };
};

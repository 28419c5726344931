import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const found = await runtime().plans.personCopy(user, params.planId);
  if (!found.ok) error(found.status, found.error);
  const [versions, referrals] = await Promise.all([
    runtime().versions.list(user, params.planId),
    runtime().referrals.forPlan(user, params.planId),
  ]);
  return {
    planId: params.planId,
    person: found.person,
    copy: found.copy,
    lastAgreed: versions.ok ? (versions.versions[0] ?? null) : null,
    referrals: referrals.ok ? referrals.referrals : [],
    printedAt: new Date().toISOString(),
  };
};

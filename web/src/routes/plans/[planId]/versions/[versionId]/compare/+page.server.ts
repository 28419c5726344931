import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  // Audited once, as the version compared with now.
  const plan = await runtime().people.planForVersion(user, params.planId);
  if (!plan) error(404, 'This care plan does not exist, or you do not have access to it');
  const [team, versions, comparison] = await Promise.all([
    runtime().people.team(user),
    runtime().versions.list(user, plan.planId),
    runtime().versions.compare(user, plan.planId, params.versionId),
  ]);
  if (!comparison.ok) error(comparison.status, comparison.error);
  const version = versions.ok ? versions.versions.find((v) => v.id === params.versionId) : null;
  return {
    plan: { planId: plan.planId, person: plan.person, documents: plan.documents },
    team,
    version: { id: params.versionId, label: version?.label ?? 'Signed-off version' },
    documents: comparison.documents,
  };
};

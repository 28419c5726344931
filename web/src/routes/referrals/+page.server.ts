import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { moveReferralFrom } from '$lib/server/referral-status';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  if (user.role === 'admin') error(403, 'Administrators do not see referrals about people.');
  const mine = await runtime().referrals.mine(user);
  if (!mine.ok) error(mine.status, mine.error);
  return {
    referrals: mine.referrals,
    partner: user.role === 'voluntary_partner',
    // The directory provider whose referrals a partner sees; null until they are linked to one.
    provider: mine.provider?.name ?? null,
  };
};

export const actions: Actions = {
  status: async ({ locals, url, request }) => moveReferralFrom(requireUser(locals, url), request),
};

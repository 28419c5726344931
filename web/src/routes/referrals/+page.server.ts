import { error, fail } from '@sveltejs/kit';
import { isReferralStatus } from '@careweave/shared';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  if (user.role === 'admin') error(403, 'Administrators do not see referrals about people.');
  const mine = await runtime().referrals.mine(user);
  if (!mine.ok) error(mine.status, mine.error);
  return {
    referrals: mine.referrals,
    partner: user.role === 'voluntary_partner',
    organisation: user.organisation,
  };
};

export const actions: Actions = {
  status: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    const status = String(form.get('status') ?? '');
    const note = String(form.get('note') ?? '').trim();
    if (!isReferralStatus(status)) return fail(400, { id, error: 'Choose what to do next' });
    const result = await runtime().referrals.setStatus(user, id, {
      status,
      note: note || null,
    });
    if (!result.ok) return fail(result.status, { id, error: result.error });
    return { id, moved: status };
  },
};

import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const result = await runtime().meetings.minutes(user, params.meetingId);
  if (!result.ok) error(result.status, result.error);
  return { meetingId: params.meetingId, minutes: result.minutes };
};

import { error, json } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { sinceParam } from '../changes';
import type { RequestHandler } from './$types';

/** What changed in a plan since `?since=` (default a week ago), for the plan page. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const answer = await runtime().plans.changes(user, params.planId, sinceParam(url));
  if (!answer) error(404, 'This care plan does not exist, or you do not have access to it');
  return json(answer);
};

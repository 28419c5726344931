import type { PlanChanges } from '@careweave/server';

/** `GET /plans/:planId/changes`: the same shape as `GET /api/plans/:planId/changes`. */
export type ChangesAnswer = PlanChanges;

const WEEK = 7 * 86_400_000;

/** The `since` query parameter, or a week ago when it is missing or not a date. */
export function sinceParam(url: URL, now = Date.now()): Date {
  const since = new Date(url.searchParams.get('since') ?? '');
  return Number.isNaN(since.getTime()) ? new Date(now - WEEK) : since;
}

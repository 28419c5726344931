import { parseServiceMoment, type PlanChanges } from '@careweave/server';

/** `GET /plans/:planId/changes`: the same shape as `GET /api/plans/:planId/changes`. */
export type ChangesAnswer = PlanChanges;

const WEEK = 7 * 86_400_000;

/**
 * The `since` query parameter; when it is missing or not a date, the last sign-off if there
 * is one, else a week ago.
 */
export function sinceParam(url: URL, lastSignOff: string | null = null, now = Date.now()): Date {
  return (
    parseServiceMoment(url.searchParams.get('since') ?? lastSignOff ?? '') ?? new Date(now - WEEK)
  );
}

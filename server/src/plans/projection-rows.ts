import { isIsoDate, isUuid, type PlanProjection } from '@careweave/shared';

// The document is written by browsers, so anything may be in it. SQL columns are typed: a value
// that does not fit becomes null (or the row is skipped) rather than failing the projection.

function uniqueById<T>(items: T[], idOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = idOf(item);
    if (!id || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const dateOrNull = (value: string | null) => (isIsoDate(value) ? value : null);
const userOrNull = (value: string | null) => (value && isUuid(value) ? value : null);
const isRating = (value: number | null) =>
  value !== null && Number.isInteger(value) && value >= 0 && value <= 10;

/** The rows a plan's projection tables should hold, ready to insert. */
export function projectionRows(planId: string, projection: PlanProjection) {
  const goals = uniqueById(projection.goals, (g) => g.id).map((g) => ({
    planId,
    goalId: g.id,
    text: g.text,
    horizon: g.horizon,
    category: g.category,
    status: g.status,
    latestProgress: isRating(g.latestProgress) ? g.latestProgress : null,
    reviewDate: dateOrNull(g.reviewDate),
  }));
  const progress = projection.progress
    .map((p) => ({
      planId,
      goalId: p.goalId,
      value: p.value,
      recordedBy: userOrNull(p.recordedBy),
      recordedAt: new Date(p.recordedAt),
    }))
    .filter((p) => p.goalId && isRating(p.value) && !Number.isNaN(p.recordedAt.getTime()));
  const actions = uniqueById(projection.actions, (a) => a.id).map((a) => ({
    planId,
    actionId: a.id,
    text: a.text,
    ownerId: userOrNull(a.ownerId),
    dueDate: dateOrNull(a.dueDate),
    status: a.status,
    goalId: a.goalId,
    barrierId: a.barrierId,
  }));
  return { goals, progress, actions };
}

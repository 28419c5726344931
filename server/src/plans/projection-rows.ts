import { isUuid, planDateOrNull, type PlanProjection } from '@careweave/shared';

// The document is written by browsers, so anything may be in it. SQL columns are typed: a value
// that does not fit becomes null (or the row is skipped) rather than failing the projection.

/** Postgres text cannot hold NUL; what reads the projection has no use for it either. */
const plain = (value: string) => value.replaceAll('\u0000', '');
/** An id with a NUL in it was written by hand, not by the app: no row can be keyed by it. */
const idOrNull = (value: string | null) => (value && !value.includes('\u0000') ? value : null);

function uniqueById<T>(items: T[], idOf: (item: T) => string | null): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = idOf(item);
    if (!id || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

// Postgres has no year 0 and no years past 294276; a plan holds no date far from today (see
// planDateOrNull), which the typed accessors already apply to due and review dates.
const momentOrNull = (value: string) => {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) || planDateOrNull(at.toISOString().slice(0, 10)) === null
    ? null
    : at;
};
const userOrNull = (value: string | null) => (value && isUuid(value) ? value : null);
const isRating = (value: number | null) =>
  value !== null && Number.isInteger(value) && value >= 0 && value <= 10;

/** The rows a plan's projection tables should hold, ready to insert. */
export function projectionRows(planId: string, projection: PlanProjection) {
  const goals = uniqueById(projection.goals, (g) => idOrNull(g.id)).map((g) => ({
    planId,
    goalId: g.id,
    text: plain(g.text),
    horizon: g.horizon,
    category: g.category,
    status: g.status,
    latestProgress: isRating(g.latestProgress) ? g.latestProgress : null,
    reviewDate: planDateOrNull(g.reviewDate),
  }));
  const progress = projection.progress.flatMap((p) => {
    const recordedAt = momentOrNull(p.recordedAt);
    const goalId = idOrNull(p.goalId);
    if (!goalId || !isRating(p.value) || !recordedAt) return [];
    return [{ planId, goalId, value: p.value, recordedBy: userOrNull(p.recordedBy), recordedAt }];
  });
  const actions = uniqueById(projection.actions, (a) => idOrNull(a.id)).map((a) => ({
    planId,
    actionId: a.id,
    text: plain(a.text),
    ownerId: userOrNull(a.ownerId),
    dueDate: planDateOrNull(a.dueDate),
    status: a.status,
    goalId: idOrNull(a.goalId),
    barrierId: idOrNull(a.barrierId),
  }));
  return { goals, progress, actions };
}

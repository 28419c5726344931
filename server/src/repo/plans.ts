import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import type { PlanProjection } from '@careweave/shared';
import { projectionRows } from '../plans/projection-rows.js';

const { planGoals, planGoalProgress, planActions, carePlans, people } = schema;

/** Replaces a plan's projected goals, progress and actions with these, in one transaction. */
export async function replacePlanProjection(db: Db, planId: string, projection: PlanProjection) {
  const rows = projectionRows(planId, projection);
  await db.transaction(async (tx) => {
    // Two processes projecting one plan at once would trip over each other's inserts.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${planId}))`);
    await tx.delete(planGoals).where(eq(planGoals.planId, planId));
    await tx.delete(planGoalProgress).where(eq(planGoalProgress.planId, planId));
    await tx.delete(planActions).where(eq(planActions.planId, planId));
    if (rows.goals.length > 0) await tx.insert(planGoals).values(rows.goals);
    if (rows.progress.length > 0) await tx.insert(planGoalProgress).values(rows.progress);
    if (rows.actions.length > 0) await tx.insert(planActions).values(rows.actions);
  });
}

/** How many of a plan's actions are open, and how many of those are past due on `today`. */
export async function actionCounts(db: Db, planId: string, today: string) {
  const open = sql`${planActions.status} = 'open'`;
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${open})`.mapWith(Number),
      overdue:
        sql<number>`count(*) filter (where ${open} and ${planActions.dueDate} < ${today}::date)`.mapWith(
          Number,
        ),
    })
    .from(planActions)
    .where(eq(planActions.planId, planId));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

/** Open actions this user owns on the plans of people in these neighbourhoods. */
export async function openActionsOwnedBy(db: Db, ownerId: string, neighbourhoodIds: string[]) {
  if (neighbourhoodIds.length === 0) return [];
  return db
    .select({
      planId: planActions.planId,
      actionId: planActions.actionId,
      text: planActions.text,
      dueDate: planActions.dueDate,
      status: planActions.status,
      personId: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      neighbourhoodId: people.neighbourhoodId,
      consentToShare: people.consentToShare,
    })
    .from(planActions)
    .innerJoin(carePlans, eq(carePlans.id, planActions.planId))
    .innerJoin(people, eq(people.id, carePlans.personId))
    .where(
      and(
        eq(planActions.ownerId, ownerId),
        eq(planActions.status, 'open'),
        inArray(people.neighbourhoodId, neighbourhoodIds),
      ),
    );
}

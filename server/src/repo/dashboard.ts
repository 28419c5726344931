import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import { byName } from './people.js';

const { planActions, planGoals, carePlans, people, teamMembers, users } = schema;

// The dashboard reads a neighbourhood's rows and counts them in the service, so that each
// figure and the list behind it come from one reading and cannot disagree. A neighbourhood's
// caseload is hundreds to a few thousand plans (DESIGN §7), well within one query each.

const personColumns = {
  planId: carePlans.id,
  personId: people.id,
  givenName: people.givenName,
  familyName: people.familyName,
};

/**
 * Open actions past their due date on the plans of people in these neighbourhoods, with what
 * decides whether their owner may see the plan: the owner's role, whether they are in the
 * person's team, and the person's consent.
 */
export async function overdueActionsIn(db: Db, neighbourhoodIds: string[], today: string) {
  if (neighbourhoodIds.length === 0) return [];
  return db
    .select({
      ...personColumns,
      actionId: planActions.actionId,
      text: planActions.text,
      dueDate: planActions.dueDate,
      ownerId: planActions.ownerId,
      ownerName: users.name,
      ownerRole: users.role,
      ownerInTeam: sql<boolean>`exists (select 1 from ${teamMembers} where ${teamMembers.userId} = ${planActions.ownerId} and ${teamMembers.neighbourhoodId} = ${people.neighbourhoodId})`,
      consentToShare: people.consentToShare,
    })
    .from(planActions)
    .innerJoin(carePlans, eq(carePlans.id, planActions.planId))
    .innerJoin(people, eq(people.id, carePlans.personId))
    .leftJoin(users, eq(users.id, planActions.ownerId))
    .where(
      and(
        inArray(people.neighbourhoodId, neighbourhoodIds),
        eq(planActions.status, 'open'),
        lt(planActions.dueDate, today),
      ),
    )
    .orderBy(asc(planActions.dueDate));
}

/** Every goal on the plans of people in these neighbourhoods, by the person's name. */
export async function goalsIn(db: Db, neighbourhoodIds: string[]) {
  if (neighbourhoodIds.length === 0) return [];
  const rows = await db
    .select({
      ...personColumns,
      goalId: planGoals.goalId,
      text: planGoals.text,
      category: planGoals.category,
      status: planGoals.status,
    })
    .from(planGoals)
    .innerJoin(carePlans, eq(carePlans.id, planGoals.planId))
    .innerJoin(people, eq(people.id, carePlans.personId))
    .where(inArray(people.neighbourhoodId, neighbourhoodIds));
  return rows.sort(byName);
}

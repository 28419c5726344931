import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';

const { people, carePlans, neighbourhoods } = schema;

const personColumns = {
  id: people.id,
  nhsNumber: people.nhsNumber,
  givenName: people.givenName,
  familyName: people.familyName,
  dateOfBirth: people.dateOfBirth,
  pathway: people.pathway,
  gpPractice: people.gpPractice,
  consentToShare: people.consentToShare,
  neighbourhoodId: people.neighbourhoodId,
  neighbourhood: neighbourhoods.name,
  planId: carePlans.id,
};

function withPlan(db: Db) {
  return db
    .select(personColumns)
    .from(people)
    .innerJoin(carePlans, eq(carePlans.personId, people.id))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, people.neighbourhoodId));
}

export type PersonRow = Awaited<ReturnType<typeof listPeopleIn>>[number];

/** Everyone with a plan in these neighbourhoods, by family name. */
export async function listPeopleIn(db: Db, neighbourhoodIds: string[]) {
  if (neighbourhoodIds.length === 0) return [];
  return withPlan(db)
    .where(inArray(people.neighbourhoodId, neighbourhoodIds))
    .orderBy(asc(people.familyName), asc(people.givenName));
}

/** The person whose plan this is, or null. */
export async function findPersonByPlan(db: Db, planId: string) {
  const [row] = await withPlan(db).where(and(eq(carePlans.id, planId)));
  return row ?? null;
}

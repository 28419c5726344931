import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { schema, type Db } from '@careweave/db';

const { people, carePlans, neighbourhoods, users, pathwayHistory } = schema;
const recorder = alias(users, 'consent_recorder');

const personColumns = {
  id: people.id,
  nhsNumber: people.nhsNumber,
  givenName: people.givenName,
  familyName: people.familyName,
  dateOfBirth: people.dateOfBirth,
  pathway: people.pathway,
  gpPractice: people.gpPractice,
  consentToShare: people.consentToShare,
  consentRecordedById: people.consentRecordedBy,
  consentRecordedByName: recorder.name,
  consentRecordedAt: people.consentRecordedAt,
  neighbourhoodId: people.neighbourhoodId,
  neighbourhood: neighbourhoods.name,
  planId: carePlans.id,
};

function withPlan(db: Db) {
  return db
    .select(personColumns)
    .from(people)
    .innerJoin(carePlans, eq(carePlans.personId, people.id))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, people.neighbourhoodId))
    .leftJoin(recorder, eq(recorder.id, people.consentRecordedBy));
}

export type PersonRow = Awaited<ReturnType<typeof listPeopleIn>>[number];

/**
 * Names in the order a reader looks for them, whatever their case or accents: Ávila among the
 * As and de Souza among the Ds. The database's collation is often C, which puts both after Z.
 */
const nameOrder = new Intl.Collator('en-GB', { sensitivity: 'base' });

/** Orders rows by family name, then given name, as a reader looks for them. */
export function byName(
  a: { familyName: string; givenName: string },
  b: { familyName: string; givenName: string },
): number {
  return (
    nameOrder.compare(a.familyName, b.familyName) || nameOrder.compare(a.givenName, b.givenName)
  );
}

/** Everyone with a plan in these neighbourhoods, by family name, then given name. */
export async function listPeopleIn(db: Db, neighbourhoodIds: string[]) {
  if (neighbourhoodIds.length === 0) return [];
  const rows = await withPlan(db).where(inArray(people.neighbourhoodId, neighbourhoodIds));
  return rows.sort(byName);
}

/** The person whose plan this is, or null. */
export async function findPersonByPlan(db: Db, planId: string) {
  const [row] = await withPlan(db).where(and(eq(carePlans.id, planId)));
  return row ?? null;
}

/** The people whose plans these are, each with their plan; unknown plans are left out. */
export async function findPeopleByPlans(db: Db, planIds: string[]) {
  if (planIds.length === 0) return [];
  return withPlan(db).where(inArray(carePlans.id, planIds));
}

/** A person with their plan, or null. */
export async function findPerson(db: Db, personId: string) {
  const [row] = await withPlan(db).where(eq(people.id, personId));
  return row ?? null;
}

/** The person who has this NHS number (10 digits, no spaces), with their plan, or null. */
export async function findPersonByNhsNumber(db: Db, nhsNumber: string) {
  const [row] = await withPlan(db).where(eq(people.nhsNumber, nhsNumber));
  return row ?? null;
}

export type NewPerson = typeof people.$inferInsert;

/** Adds a person, their (empty) care plan and their first pathway, together; returns the ids. */
export async function insertPersonWithPlan(db: Db, person: NewPerson, addedBy: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(people).values(person).returning({ id: people.id });
    const [plan] = await tx
      .insert(carePlans)
      .values({ personId: row!.id })
      .returning({ id: carePlans.id });
    await tx
      .insert(pathwayHistory)
      .values({ personId: row!.id, pathway: person.pathway, setBy: addedBy });
    return { id: row!.id, planId: plan!.id };
  });
}

export type PersonChanges = Partial<
  Pick<
    NewPerson,
    | 'givenName'
    | 'familyName'
    | 'dateOfBirth'
    | 'pathway'
    | 'gpPractice'
    | 'consentToShare'
    | 'consentRecordedBy'
    | 'consentRecordedAt'
  >
>;

/** Changes a person's record; a new pathway is added to their pathway history, attributed. */
export async function updatePerson(
  db: Db,
  personId: string,
  changes: PersonChanges,
  changedBy: string,
) {
  await db.transaction(async (tx) => {
    await tx.update(people).set(changes).where(eq(people.id, personId));
    if (changes.pathway) {
      await tx
        .insert(pathwayHistory)
        .values({ personId, pathway: changes.pathway, setBy: changedBy });
    }
  });
}

/** A person's pathways, newest first, with who set each. */
export async function listPathwayHistory(db: Db, personId: string) {
  return db
    .select({
      pathway: pathwayHistory.pathway,
      setById: pathwayHistory.setBy,
      setByName: users.name,
      setAt: pathwayHistory.setAt,
    })
    .from(pathwayHistory)
    .leftJoin(users, eq(users.id, pathwayHistory.setBy))
    .where(eq(pathwayHistory.personId, personId))
    .orderBy(desc(pathwayHistory.setAt));
}

/** True for the error a unique constraint raises, from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

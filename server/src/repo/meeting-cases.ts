import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { schema, type Db } from '@careweave/db';

const { meetingCases, people, carePlans, users, planVersions } = schema;
const decider = alias(users, 'decider');
const signer = alias(users, 'signer');

/** The cases of a meeting in agenda order, with who each person is and what was agreed. */
export async function listCases(db: Db, meetingId: string) {
  return db
    .select({
      id: meetingCases.id,
      meetingId: meetingCases.meetingId,
      personId: meetingCases.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      neighbourhoodId: people.neighbourhoodId,
      consentToShare: people.consentToShare,
      planId: carePlans.id,
      reason: meetingCases.reason,
      minutesAllotted: meetingCases.minutesAllotted,
      position: meetingCases.position,
      status: meetingCases.status,
      prepNotes: meetingCases.prepNotes,
      decision: meetingCases.decision,
      decidedById: meetingCases.decidedBy,
      decidedByName: decider.name,
      decidedAt: meetingCases.decidedAt,
      versionId: meetingCases.versionId,
      versionLabel: planVersions.label,
      versionAt: planVersions.createdAt,
      signedByName: signer.name,
      carriedFromCaseId: meetingCases.carriedFromCaseId,
    })
    .from(meetingCases)
    .innerJoin(people, eq(people.id, meetingCases.personId))
    .innerJoin(carePlans, eq(carePlans.personId, people.id))
    .leftJoin(decider, eq(decider.id, meetingCases.decidedBy))
    .leftJoin(planVersions, eq(planVersions.id, meetingCases.versionId))
    .leftJoin(signer, eq(signer.id, planVersions.signedBy))
    .where(eq(meetingCases.meetingId, meetingId))
    .orderBy(asc(meetingCases.position), asc(meetingCases.id));
}

export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

export type NewCase = typeof meetingCases.$inferInsert;

export async function insertCases(db: Db, cases: NewCase[]): Promise<string[]> {
  if (cases.length === 0) return [];
  const rows = await db.insert(meetingCases).values(cases).returning({ id: meetingCases.id });
  return rows.map((r) => r.id);
}

export type CaseChanges = Partial<
  Pick<
    NewCase,
    | 'reason'
    | 'minutesAllotted'
    | 'prepNotes'
    | 'status'
    | 'position'
    | 'decision'
    | 'decidedBy'
    | 'decidedAt'
    | 'versionId'
  >
>;

export async function updateCase(db: Db, caseId: string, changes: CaseChanges) {
  if (Object.keys(changes).length === 0) return;
  await db.update(meetingCases).set(changes).where(eq(meetingCases.id, caseId));
}

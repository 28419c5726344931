import { and, asc, eq, gt, inArray, isNull, ne, notExists, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { schema, type Db } from '@careweave/db';
import { endPosition } from '@careweave/shared';
import { withMeetingLocked } from './meetings.js';

const { meetings, meetingCases, people, carePlans, users, planVersions } = schema;
const decider = alias(users, 'decider');
const later = alias(meetingCases, 'later');
const laterMeeting = alias(meetings, 'later_meeting');
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

/**
 * Where each deferred case of a meeting went on: the start of the meeting it was carried to,
 * else of the soonest meeting of the neighbourhood with the same person on its agenda (who was
 * there already when it closed, or was added again by hand) that was still to come when this one
 * closed: starting later, and neither started nor closed by then. Judged as of the close, the
 * minutes keep naming that meeting once it has been held, and never name one gone by.
 */
export async function deferredTo(db: Db, meetingId: string): Promise<Map<string, Date>> {
  const stillToCome = and(
    gt(laterMeeting.startsAt, meetings.closedAt),
    or(isNull(laterMeeting.startedAt), gt(laterMeeting.startedAt, meetings.closedAt)),
    or(isNull(laterMeeting.closedAt), gt(laterMeeting.closedAt, meetings.closedAt)),
  );
  const rows = await db
    .select({
      caseId: meetingCases.id,
      startsAt: laterMeeting.startsAt,
      carried: later.carriedFromCaseId,
    })
    .from(meetingCases)
    .innerJoin(meetings, eq(meetings.id, meetingCases.meetingId))
    .innerJoin(
      later,
      and(eq(later.personId, meetingCases.personId), ne(later.meetingId, meetingCases.meetingId)),
    )
    .innerJoin(
      laterMeeting,
      and(
        eq(laterMeeting.id, later.meetingId),
        eq(laterMeeting.neighbourhoodId, meetings.neighbourhoodId),
      ),
    )
    .where(
      and(
        eq(meetingCases.meetingId, meetingId),
        eq(meetingCases.status, 'deferred'),
        or(eq(later.carriedFromCaseId, meetingCases.id), stillToCome),
      ),
    )
    .orderBy(asc(laterMeeting.startsAt));
  const found = new Map<string, Date>();
  for (const row of rows.filter((r) => r.carried === r.caseId)) found.set(row.caseId, row.startsAt);
  for (const row of rows) if (!found.has(row.caseId)) found.set(row.caseId, row.startsAt);
  return found;
}

export type NewCase = typeof meetingCases.$inferInsert;

/** A case to add to an agenda: it goes at the end. */
export type AgendaEntry = Omit<NewCase, 'meetingId' | 'position'>;

/**
 * Adds cases to the end of a meeting's agenda, except for people already on it; for each entry,
 * in order, the case that is now theirs and whether it was added. The meeting is locked
 * meanwhile, so two adds of one person at once, in any processes, cannot both find them absent.
 */
export async function addToAgenda(
  db: Db,
  meetingId: string,
  entries: AgendaEntry[],
): Promise<{ caseId: string; added: boolean }[]> {
  return withMeetingLocked(db, meetingId, async (tx) => {
    const listed = await tx
      .select({
        id: meetingCases.id,
        personId: meetingCases.personId,
        position: meetingCases.position,
      })
      .from(meetingCases)
      .where(eq(meetingCases.meetingId, meetingId));
    const caseOf = new Map(listed.map((c) => [c.personId, c.id]));
    let position = endPosition(listed);
    const answers: { caseId: string; added: boolean }[] = [];
    for (const entry of entries) {
      const there = caseOf.get(entry.personId);
      if (there) {
        answers.push({ caseId: there, added: false });
        continue;
      }
      const [row] = await tx
        .insert(meetingCases)
        .values({ ...entry, meetingId, position: position++ })
        .returning({ id: meetingCases.id });
      caseOf.set(entry.personId, row!.id);
      answers.push({ caseId: row!.id, added: true });
    }
    return answers;
  });
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

/**
 * Marks the person's case on the meeting's agenda as signed off, unless it already is, and only
 * while the meeting runs: one not yet started has agreed nothing, and a closed one's minutes
 * are final.
 */
export async function markSignedOff(
  db: Db,
  meetingId: string,
  personId: string,
  versionId: string,
): Promise<void> {
  await db
    .update(meetingCases)
    .set({ versionId })
    .where(
      and(
        eq(meetingCases.meetingId, meetingId),
        eq(meetingCases.personId, personId),
        isNull(meetingCases.versionId),
        inArray(
          meetingCases.meetingId,
          db
            .select({ id: meetings.id })
            .from(meetings)
            .where(and(eq(meetings.id, meetingId), eq(meetings.status, 'live'))),
        ),
      ),
    );
}

/**
 * Replaces a case's prep notes only if they are still `was`, in one statement, so a save made
 * from an older copy never overwrites someone else's; false when they had changed.
 */
export async function replacePrepNotes(db: Db, caseId: string, was: string, text: string) {
  const rows = await db
    .update(meetingCases)
    .set({ prepNotes: text })
    .where(and(eq(meetingCases.id, caseId), eq(meetingCases.prepNotes, was)))
    .returning({ id: meetingCases.id });
  return rows.length > 0;
}

/** The prep notes of these cases by id, their rows locked until the transaction `db` ends. */
export async function lockPrepNotes(db: Db, caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({ id: meetingCases.id, prepNotes: meetingCases.prepNotes })
    .from(meetingCases)
    .where(inArray(meetingCases.id, caseIds))
    .for('update');
  return new Map(rows.map((r) => [r.id, r.prepNotes]));
}

/**
 * Takes a case off its agenda if it is still waiting: pending, undecided, not signed off and not
 * the meeting's current case, checked with the meeting locked so that a move to this case in
 * another process comes wholly before or after; false otherwise.
 */
export async function removeWaitingCase(db: Db, meetingId: string, caseId: string) {
  return withMeetingLocked(db, meetingId, async (tx) => {
    const rows = await tx
      .delete(meetingCases)
      .where(
        and(
          eq(meetingCases.id, caseId),
          eq(meetingCases.meetingId, meetingId),
          eq(meetingCases.status, 'pending'),
          isNull(meetingCases.decision),
          isNull(meetingCases.versionId),
          notExists(
            tx
              .select({ id: meetings.id })
              .from(meetings)
              .where(and(eq(meetings.id, meetingId), eq(meetings.currentCaseId, caseId))),
          ),
        ),
      )
      .returning({ id: meetingCases.id });
    return rows.length > 0;
  });
}

import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';

const { meetings, meetingCases, meetingAttendance, neighbourhoods, users, teamMembers, people } =
  schema;

const meetingColumns = {
  id: meetings.id,
  neighbourhoodId: meetings.neighbourhoodId,
  neighbourhood: neighbourhoods.name,
  startsAt: meetings.startsAt,
  place: meetings.place,
  callLink: meetings.callLink,
  chairId: meetings.chairId,
  chairName: users.name,
  status: meetings.status,
  currentCaseId: meetings.currentCaseId,
  caseStartedAt: meetings.caseStartedAt,
  startedAt: meetings.startedAt,
  closedAt: meetings.closedAt,
};

function withNames(db: Db) {
  return db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, meetings.neighbourhoodId))
    .innerJoin(users, eq(users.id, meetings.chairId));
}

export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & {};

/** A meeting with its neighbourhood's and chair's names, or null. */
export async function findMeeting(db: Db, id: string) {
  const [row] = await withNames(db).where(eq(meetings.id, id));
  return row ?? null;
}

/** These meetings, in no order; unknown ones are left out. */
export async function findMeetings(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return withNames(db).where(inArray(meetings.id, ids));
}

/**
 * Meetings of these neighbourhoods, soonest first, with how many cases each has. A meeting
 * that has started is placed by when it started: one held early belongs where it happened.
 */
export async function listMeetings(db: Db, neighbourhoodIds: string[]) {
  if (neighbourhoodIds.length === 0) return [];
  const rows = await withNames(db)
    .where(inArray(meetings.neighbourhoodId, neighbourhoodIds))
    .orderBy(asc(sql`coalesce(${meetings.startedAt}, ${meetings.startsAt})`), asc(meetings.id));
  if (rows.length === 0) return [];
  const counts = await db
    .select({
      meetingId: meetingCases.meetingId,
      all: count(),
      consented: sql<number>`count(*) filter (where ${people.consentToShare})`.mapWith(Number),
    })
    .from(meetingCases)
    .innerJoin(people, eq(people.id, meetingCases.personId))
    .where(
      inArray(
        meetingCases.meetingId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(meetingCases.meetingId);
  const byMeeting = new Map(counts.map((c) => [c.meetingId, c]));
  return rows.map((r) => ({
    ...r,
    caseCount: byMeeting.get(r.id)?.all ?? 0,
    consentedCaseCount: byMeeting.get(r.id)?.consented ?? 0,
  }));
}

export type NewMeeting = typeof meetings.$inferInsert;

export async function insertMeeting(db: Db, meeting: NewMeeting): Promise<string> {
  const [row] = await db.insert(meetings).values(meeting).returning({ id: meetings.id });
  return row!.id;
}

export type MeetingChanges = Partial<
  Pick<NewMeeting, 'status' | 'currentCaseId' | 'caseStartedAt' | 'startedAt' | 'closedAt'>
>;

export async function updateMeeting(db: Db, id: string, changes: MeetingChanges) {
  await db.update(meetings).set(changes).where(eq(meetings.id, id));
}

/**
 * Runs `work` in a transaction holding the meeting's row lock, on the meeting as it is then (null
 * if there is none), so chair actions on one meeting take turns in every process and each reads
 * what the one before it wrote. `work` must use only `tx`: on the embedded database a query on
 * `db` meanwhile would wait for the lock forever.
 */
export async function withMeetingLocked<T>(
  db: Db,
  id: string,
  work: (tx: Db, meeting: MeetingRow | null) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [row] = await withNames(tx).where(eq(meetings.id, id)).for('update', { of: meetings });
    return work(tx, row ?? null);
  });
}

/** The soonest scheduled meeting of a neighbourhood after `after` (its id and start), or null. */
export async function nextScheduledMeeting(db: Db, neighbourhoodId: string, after: Date) {
  const [row] = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.neighbourhoodId, neighbourhoodId),
        eq(meetings.status, 'scheduled'),
        gt(meetings.startsAt, after),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return row ?? null;
}

/** Whether the user is in the neighbourhood's team, and whether the team marked them as chair. */
export async function membership(db: Db, userId: string, neighbourhoodId: string) {
  const [row] = await db
    .select({ canChair: teamMembers.canChair })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.neighbourhoodId, neighbourhoodId)));
  return { inTeam: row !== undefined, canChair: row?.canChair ?? false };
}

/** Who attended, in the order they joined, with their names. */
export async function listAttendance(db: Db, meetingId: string) {
  return db
    .select({
      userId: meetingAttendance.userId,
      name: users.name,
      role: meetingAttendance.role,
      organisation: meetingAttendance.organisation,
      mode: meetingAttendance.mode,
      joinedAt: meetingAttendance.joinedAt,
    })
    .from(meetingAttendance)
    .innerJoin(users, eq(users.id, meetingAttendance.userId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(meetingAttendance.joinedAt), asc(users.name));
}

/** Records a join; joining again keeps the first time and updates the mode when one is given. */
export async function recordJoin(
  db: Db,
  row: typeof meetingAttendance.$inferInsert,
  modeGiven: boolean,
) {
  const insert = db.insert(meetingAttendance).values(row);
  await (modeGiven
    ? insert.onConflictDoUpdate({
        target: [meetingAttendance.meetingId, meetingAttendance.userId],
        set: { mode: row.mode },
      })
    : insert.onConflictDoNothing());
}

/** Sets how someone attends; false when they have not joined. */
export async function setAttendanceMode(db: Db, meetingId: string, userId: string, mode: string) {
  const rows = await db
    .update(meetingAttendance)
    .set({ mode })
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, userId)))
    .returning({ userId: meetingAttendance.userId });
  return rows.length > 0;
}

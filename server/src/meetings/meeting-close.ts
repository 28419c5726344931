import type { Db } from '@careweave/db';
import {
  ensureCaseNotes,
  mayChair,
  meetingDocument,
  rollForward,
  withCarriedNotes,
  writeMeetingState,
  type MeetingLiveState,
  type Role,
} from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import { planningHorizon, sameTimeWeeksOnAfter } from '../calendar.js';
import { recordAudit } from '../repo/audit.js';
import {
  addToAgenda,
  listCases,
  lockPrepNotes,
  updateCase,
  type CaseRow,
} from '../repo/meeting-cases.js';
import {
  insertMeeting,
  membership,
  withMeetingLocked,
  nextScheduledMeeting,
  updateMeeting,
  type MeetingRow,
} from '../repo/meetings.js';
import { roleOf } from '../repo/team.js';
import type { User } from '../repo/users.js';
import {
  agendaCases,
  chairedMeeting,
  CLOSED,
  NO_MEETING,
  type MeetingDeps,
} from './meeting-context.js';

/** Mirrors the meeting's SQL state into its document, as a change by the chair. */
export function broadcaster({ rooms }: Pick<MeetingDeps, 'rooms'>) {
  return async function broadcast(
    user: User,
    meetingId: string,
    state: MeetingLiveState,
    caseIds: string[] = [],
  ): Promise<void> {
    await rooms.change(meetingDocument(meetingId), user.id, (doc) => {
      ensureCaseNotes(doc, caseIds);
      writeMeetingState(doc, state);
    });
  };
}

/** The case being left: done if it has a decision, else back to pending to come to later. */
export async function leaveCase(
  db: Db,
  meeting: MeetingRow,
  cases: CaseRow[],
  unless: string | null,
): Promise<void> {
  const current = cases.find((c) => c.id === meeting.currentCaseId);
  if (!current || current.id === unless || current.status !== 'discussing') return;
  const status = current.decision ? 'done' : 'pending';
  current.status = status;
  await updateCase(db, current.id, { status });
}

/** What closing a meeting did with the cases left undiscussed. */
export interface ClosedMeeting {
  /** The meeting they went to (the next scheduled one, if nothing was left to carry). */
  nextMeetingId: string | null;
  nextMeetingStartsAt: Date | null;
  /** Cases added to that meeting's agenda. */
  carried: number;
  /** People left undiscussed who were on that agenda already, so were not added again. */
  alreadyListed: number;
}

/**
 * Closes a meeting: cases not discussed to an end carry to the neighbourhood's next scheduled
 * meeting (one is made a week later, or the first week still to come, same chair and place, when
 * none is), and are marked deferred here so the minutes say so. A person already on that
 * agenda is not added twice.
 */
export async function closeMeeting(
  deps: MeetingDeps,
  user: User,
  id: string,
): Promise<Outcome<ClosedMeeting>> {
  const found = await chairedMeeting(deps.db, user, id);
  if (!found.ok) return found;
  // All in one transaction holding the meeting's row, so that of two closes (or a close and a
  // move) at once in any processes, the second waits and then finds the meeting as the first
  // left it: cases carry, and the close is audited, once.
  const closed = await withMeetingLocked(deps.db, id, (tx, meeting) =>
    closeHeld(tx, user, meeting),
  );
  // Rooms write through `db`, which on PGlite's one connection waits for the transaction to end:
  // inside it, this would wait forever.
  if (closed.ok) {
    await broadcaster(deps)(user, id, {
      status: 'closed',
      currentCaseId: null,
      caseStartedAt: null,
    });
  }
  return closed;
}

/**
 * Adds the prep notes of cases left undiscussed to the case their person already had on the next
 * agenda (see `withCarriedNotes`), which would otherwise not see them.
 */
async function addCarriedNotes(
  tx: Db,
  listed: { caseId: string; notes: string }[],
  heldOn: string,
): Promise<void> {
  const own = await lockPrepNotes(
    tx,
    listed.map((l) => l.caseId),
  );
  for (const { caseId, notes } of listed) {
    const was = own.get(caseId) ?? '';
    const merged = withCarriedNotes(was, notes, heldOn);
    if (merged !== was) await updateCase(tx, caseId, { prepNotes: merged });
  }
}

/**
 * Who chairs the meeting made to take the cases left: the last one's chair while they may still
 * chair its team, else whoever closed it (they may: they just did).
 */
async function chairOfNext(tx: Db, meeting: MeetingRow, closedBy: User): Promise<string> {
  const role = await roleOf(tx, meeting.chairId);
  const member = await membership(tx, meeting.chairId, meeting.neighbourhoodId);
  return role !== null && mayChair(role as Role, member) ? meeting.chairId : closedBy.id;
}

/** The database part of `closeMeeting`, in a transaction `tx` holding the meeting locked. */
async function closeHeld(
  tx: Db,
  user: User,
  meeting: MeetingRow | null,
): Promise<Outcome<ClosedMeeting>> {
  if (!meeting) return NO_MEETING;
  const { id } = meeting;
  if (meeting.status === 'closed') return CLOSED;
  const cases = await listCases(tx, id);
  await leaveCase(tx, meeting, cases, null);
  const { carry } = rollForward(agendaCases(cases));
  const now = new Date();
  // A start past the planning horizon is a slip in older data (year 9999) and says nothing of
  // when the meeting was meant to be: it counts as planned for when it was held. The cases then
  // carry to next week, as the chair expects; a refusal would leave a meeting that never ends.
  const planned =
    meeting.startsAt > planningHorizon(now) ? (meeting.startedAt ?? now) : meeting.startsAt;
  // After the time it was planned for (a meeting held early stood in for that slot) and after
  // now (a meeting closed late must not send cases to one that has already gone by).
  const after = new Date(Math.max(planned.getTime(), now.getTime()));
  let next = await nextScheduledMeeting(tx, meeting.neighbourhoodId, after);
  let carried = 0;
  let alreadyListed = 0;
  if (carry.length > 0) {
    if (!next) {
      const startsAt = sameTimeWeeksOnAfter(planned, now);
      next = {
        id: await insertMeeting(tx, {
          neighbourhoodId: meeting.neighbourhoodId,
          startsAt,
          place: meeting.place,
          callLink: meeting.callLink,
          chairId: await chairOfNext(tx, meeting, user),
        }),
        startsAt,
      };
    }
    // Someone already on that agenda is not listed twice; their case here is deferred all the same.
    const answers = await addToAgenda(
      tx,
      next.id,
      carry.map(({ row }) => ({
        personId: row.personId,
        reason: row.reason,
        minutesAllotted: row.minutesAllotted,
        prepNotes: row.prepNotes,
        carriedFromCaseId: row.id,
      })),
    );
    carried = answers.filter((a) => a.added).length;
    alreadyListed = answers.length - carried;
    const heldOn = (meeting.startedAt ?? planned).toISOString();
    await addCarriedNotes(
      tx,
      answers.flatMap((a, i) =>
        a.added ? [] : [{ caseId: a.caseId, notes: carry[i]!.row.prepNotes }],
      ),
      heldOn,
    );
    for (const { id: caseId } of carry) await updateCase(tx, caseId, { status: 'deferred' });
  }
  await updateMeeting(tx, id, {
    status: 'closed',
    closedAt: now,
    currentCaseId: null,
    caseStartedAt: null,
  });
  const nextMeetingId = next?.id ?? null;
  await recordAudit(tx, {
    userId: user.id,
    action: 'meeting.close',
    entityType: 'meeting',
    entityId: id,
    detail: { nextMeetingId, carried, alreadyListed },
  });
  return {
    ok: true,
    nextMeetingId,
    nextMeetingStartsAt: next?.startsAt ?? null,
    carried,
    alreadyListed,
  };
}

import type { Db } from '@careweave/db';
import {
  ensureCaseNotes,
  meetingDocument,
  rollForward,
  writeMeetingState,
  type MeetingLiveState,
} from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import { sameTimeWeeksOnAfter } from '../calendar.js';
import { recordAudit } from '../repo/audit.js';
import { addToAgenda, listCases, updateCase, type CaseRow } from '../repo/meeting-cases.js';
import {
  insertMeeting,
  nextScheduledMeeting,
  updateMeeting,
  type MeetingRow,
} from '../repo/meetings.js';
import type { User } from '../repo/users.js';
import { agendaCases, chairedMeeting, type MeetingDeps } from './meeting-context.js';

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
  const { db } = deps;
  const found = await chairedMeeting(db, user, id);
  if (!found.ok) return found;
  const { meeting } = found;
  const cases = await listCases(db, id);
  await leaveCase(db, meeting, cases, null);
  const { carry } = rollForward(agendaCases(cases));
  // After the time it was planned for (a meeting held early stood in for that slot) and after
  // now (a meeting closed late must not send cases to one that has already gone by).
  const now = new Date();
  const after = new Date(Math.max(meeting.startsAt.getTime(), now.getTime()));
  let next = await nextScheduledMeeting(db, meeting.neighbourhoodId, after);
  let carried = 0;
  let alreadyListed = 0;
  if (carry.length > 0) {
    if (!next) {
      const startsAt = sameTimeWeeksOnAfter(meeting.startsAt, now);
      next = {
        id: await insertMeeting(db, {
          neighbourhoodId: meeting.neighbourhoodId,
          startsAt,
          place: meeting.place,
          callLink: meeting.callLink,
          chairId: meeting.chairId,
        }),
        startsAt,
      };
    }
    // Someone already on that agenda is not listed twice; their case here is deferred all the same.
    const answers = await addToAgenda(
      db,
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
    for (const { id: caseId } of carry) await updateCase(db, caseId, { status: 'deferred' });
  }
  await updateMeeting(db, id, {
    status: 'closed',
    closedAt: now,
    currentCaseId: null,
    caseStartedAt: null,
  });
  await broadcaster(deps)(user, id, { status: 'closed', currentCaseId: null, caseStartedAt: null });
  const nextMeetingId = next?.id ?? null;
  await recordAudit(db, {
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

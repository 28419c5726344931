import {
  ATTENDANCE_MODES,
  DECISIONS,
  isUuid,
  markAgendaChanged,
  meetingDocument,
  ROLE_LABELS,
  nextCase,
  signOffLabel,
  type AttendanceMode,
  type Decision,
} from '@careweave/shared';
import type { Db } from '@careweave/db';
import type { Outcome } from '../person-detail.js';
import { recordAudit } from '../repo/audit.js';
import { listCases, updateCase } from '../repo/meeting-cases.js';
import {
  findMeeting,
  recordJoin,
  setAttendanceMode,
  updateMeeting,
  withMeetingLocked,
} from '../repo/meetings.js';
import type { User } from '../repo/users.js';
import {
  CLOSED,
  NOT_CHAIR,
  NO_CASE,
  NO_MEETING,
  agendaCases,
  chairedMeeting,
  meetingFor,
  personName,
  serialised,
  type MeetingDeps,
} from './meeting-context.js';
import { broadcaster, closeMeeting, leaveCase } from './meeting-close.js';
import { liveView, type MeetingLive } from './meeting-views.js';

const NOT_LIVE = {
  ok: false,
  status: 409,
  error: 'This meeting is not running. Start it first.',
} as const;
const ALREADY_STARTED = {
  ok: false,
  status: 409,
  error: 'This meeting has already started.',
} as const;
const NOT_STARTED = {
  ok: false,
  status: 409,
  error: 'This meeting has not started yet. Join it once the chair has started it.',
} as const;
const NOT_ATTENDEE = {
  ok: false,
  status: 403,
  error: 'An administrator does not attend meetings. Members of the team join them.',
} as const;
const invalid = (field: string, message: string) =>
  ({ ok: false, status: 400, error: message, fields: { [field]: message } }) as const;

/** Running a meeting: start, move case to case, close, attendance, outcomes and sign-off. */
export function meetingLive(deps: MeetingDeps) {
  const { db, versions } = deps;
  const inTurn = serialised();
  const broadcast = broadcaster(deps);
  /** Tells every open screen of the meeting to read its agenda again now, not at its next look. */
  const agendaChanged = (user: User, id: string) =>
    deps.rooms.change(meetingDocument(id), user.id, (doc) =>
      markAgendaChanged(doc, new Date().toISOString()),
    );

  /** The live view after a chair action. */
  async function answer(user: User, id: string): Promise<Outcome<{ live: MeetingLive }>> {
    const meeting = (await findMeeting(db, id))!;
    return { ok: true, live: liveView(user, meeting, await listCases(db, id)) };
  }

  /** Why a move from a case that is no longer current was refused, naming where it is now. */
  async function movedOn(tx: Db, id: string): Promise<Outcome<never>> {
    const meeting = await findMeeting(tx, id);
    const now = (await listCases(tx, id)).find((c) => c.id === meeting?.currentCaseId);
    const where = now ? `, to ${personName(now)}’s case` : '';
    return {
      ok: false,
      status: 409,
      error: `The meeting has already moved on${where}. Look at where it is before moving on again.`,
    };
  }

  /**
   * Starts the meeting (`from` undefined) or moves it on from case `from`: a move from a case
   * that is no longer current is refused, so two chairs pressing Next at once skip nothing.
   */
  async function moveTo(
    user: User,
    id: string,
    caseId: string | null,
    from?: string | null,
  ): Promise<Outcome<{ live: MeetingLive }>> {
    const first = from === undefined;
    const found = await chairedMeeting(db, user, id);
    if (!found.ok) return found;
    // Read and written with the meeting locked: a chair in another process may act at once.
    const moved = await withMeetingLocked(db, id, async (tx, meeting) => {
      if (!meeting) return NO_MEETING;
      if (meeting.status === 'closed') return CLOSED;
      if (first && meeting.status !== 'scheduled') return ALREADY_STARTED;
      if (!first && meeting.status !== 'live') return NOT_LIVE;
      if (!first && meeting.currentCaseId !== from) return movedOn(tx, id);
      const cases = await listCases(tx, id);
      const target = caseId
        ? (cases.find((c) => c.id === caseId) ?? null)
        : (nextCase(agendaCases(cases), meeting.currentCaseId)?.row ?? null);
      if (caseId && !target) return NO_CASE;
      const now = new Date();
      const state = {
        status: 'live' as const,
        currentCaseId: target?.id ?? null,
        caseStartedAt: target ? now : null,
      };
      await updateMeeting(tx, id, first ? { ...state, startedAt: now } : state);
      await leaveCase(tx, meeting, cases, target?.id ?? null);
      if (target) await updateCase(tx, target.id, { status: 'discussing' });
      return { ok: true, state, caseIds: first ? cases.map((c) => c.id) : [] } as const;
    });
    if (!moved.ok) return moved;
    const { state, caseIds } = moved;
    await broadcast(
      user,
      id,
      { ...state, caseStartedAt: state.caseStartedAt?.toISOString() ?? null },
      caseIds,
    );
    if (first) {
      await recordAudit(db, {
        userId: user.id,
        action: 'meeting.start',
        entityType: 'meeting',
        entityId: id,
      });
    }
    return answer(user, id);
  }

  return {
    start: (user: User, id: string) => inTurn(id, () => moveTo(user, id, null)),

    /** Moves on from case `from` (null before any) to `caseId`, or else the next pending case. */
    advance: (user: User, id: string, input: { caseId?: unknown; from?: unknown } = {}) =>
      inTurn(id, async (): Promise<Outcome<{ live: MeetingLive }>> => {
        const { caseId = null, from } = input;
        if (caseId !== null && typeof caseId !== 'string') {
          return invalid('caseId', 'Give the case to move to by its id, or leave it out');
        }
        if (from !== null && (typeof from !== 'string' || !isUuid(from))) {
          return invalid(
            'from',
            'Say which case the meeting is moving on from: its id, or null before the first',
          );
        }
        return moveTo(user, id, caseId as string | null, from as string | null);
      }),

    close: (user: User, id: string) => inTurn(id, () => closeMeeting(deps, user, id)),

    /**
     * Records that the user has joined a live meeting (any member of the team, partners included,
     * but not an administrator, who has no part in the meeting); a closed meeting's attendance is
     * final.
     */
    async join(user: User, id: string, input: { mode?: unknown } = {}): Promise<Outcome<object>> {
      const found = await meetingFor(db, user, id);
      if (!found.ok) return found;
      if (user.role === 'admin') return NOT_ATTENDEE;
      if (found.meeting.status === 'closed') return CLOSED;
      // Opening a plan from its link before the day is not attending: the minutes list those who came.
      if (found.meeting.status === 'scheduled') return NOT_STARTED;
      if (input.mode !== undefined && !ATTENDANCE_MODES.includes(input.mode as AttendanceMode)) {
        return invalid('mode', 'Say whether you are in the room or remote');
      }
      const fallback = user.role === 'voluntary_partner' ? 'remote' : 'in-room';
      await recordJoin(
        db,
        {
          meetingId: id,
          userId: user.id,
          mode: (input.mode as string | undefined) ?? fallback,
          role: ROLE_LABELS[user.role],
          organisation: user.organisation,
        },
        input.mode !== undefined,
      );
      return { ok: true };
    },

    async setAttendance(
      user: User,
      id: string,
      userId: string,
      input: { mode?: unknown },
    ): Promise<Outcome<object>> {
      const found = await meetingFor(db, user, id);
      if (!found.ok) return found;
      if (!found.chair) return NOT_CHAIR;
      if (found.meeting.status === 'closed') return CLOSED;
      if (!ATTENDANCE_MODES.includes(input.mode as AttendanceMode)) {
        return invalid('mode', 'Say whether they are in the room or remote');
      }
      const joined =
        isUuid(userId) && (await setAttendanceMode(db, id, userId, input.mode as string));
      if (!joined) {
        return { ok: false, status: 404, error: 'That person has not joined this meeting.' };
      }
      return { ok: true };
    },

    async recordOutcome(
      user: User,
      id: string,
      caseId: string,
      input: { decision?: unknown },
    ): Promise<Outcome<object>> {
      const found = await chairedMeeting(db, user, id);
      if (!found.ok) return found;
      if (found.meeting.status !== 'live') return NOT_LIVE;
      if (!DECISIONS.includes(input.decision as Decision)) {
        return invalid('decision', `Choose a decision: ${DECISIONS.join(', ')}`);
      }
      if (!(await listCases(db, id)).some((c) => c.id === caseId)) return NO_CASE;
      await updateCase(db, caseId, {
        decision: input.decision as string,
        decidedBy: user.id,
        decidedAt: new Date(),
      });
      await agendaChanged(user, id);
      return { ok: true };
    },

    /**
     * Signs off the case's plan as agreed at this meeting, through the versions service: once per
     * case, however many presses arrive at once in however many processes.
     */
    async signOff(user: User, id: string, caseId: string): Promise<Outcome<{ versionId: string }>> {
      const found = await chairedMeeting(db, user, id);
      if (!found.ok) return found;
      // A version says it was agreed at this meeting, on the day it was held.
      if (found.meeting.status !== 'live') return NOT_LIVE;
      const row = (await listCases(db, id)).find((c) => c.id === caseId);
      if (!row) return NO_CASE;
      const { neighbourhood, startedAt, startsAt } = found.meeting;
      // Agreed on the day the meeting was held.
      const label = signOffLabel(neighbourhood, (startedAt ?? startsAt).toISOString());
      const version = await versions.create(
        user,
        row.planId,
        { label, meetingId: id },
        { oncePerMeeting: true },
      );
      if (!version.ok) return version;
      await agendaChanged(user, id);
      return { ok: true, versionId: version.id };
    },
  };
}

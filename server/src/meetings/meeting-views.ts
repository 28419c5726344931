import type { MeetingStatus } from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import { listCases, type CaseRow } from '../repo/meeting-cases.js';
import { listAttendance, listMeetings, type MeetingRow } from '../repo/meetings.js';
import type { User } from '../repo/users.js';
import { caseVisible, meetingFor, personName, type MeetingDeps } from './meeting-context.js';

/** One row of `GET /api/meetings`. */
export interface MeetingSummary {
  id: string;
  neighbourhood: string;
  neighbourhoodId: string;
  /** ISO time it was planned for. */
  startsAt: string;
  /** ISO time the chair started it, which may be before or after `startsAt`. */
  startedAt: string | null;
  place: string | null;
  callLink: string | null;
  chair: { id: string; name: string };
  status: MeetingStatus;
  /** Cases the caller may see. */
  caseCount: number;
}

/** One agenda case of `GET /api/meetings/:id`. */
export interface MeetingCaseView {
  id: string;
  personId: string;
  personName: string;
  planId: string;
  reason: string;
  minutesAllotted: number;
  position: number;
  status: string;
  /** Null for a voluntary partner: prep notes may carry clinical detail. */
  prepNotes: string | null;
  decision: string | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  versionId: string | null;
  carriedFromCaseId: string | null;
}

/** `GET /api/meetings/:id`. */
export interface MeetingDetail extends Omit<MeetingSummary, 'caseCount'> {
  startedAt: string | null;
  closedAt: string | null;
  currentCaseId: string | null;
  caseStartedAt: string | null;
  canChair: boolean;
  cases: MeetingCaseView[];
  attendance: {
    userId: string;
    name: string;
    role: string;
    organisation: string | null;
    mode: string;
    joinedAt: string;
  }[];
}

/** `GET /api/meetings/:id/live`: where the meeting is, for those who follow it over HTTP. */
export interface MeetingLive {
  status: MeetingStatus;
  currentCaseId: string | null;
  caseStartedAt: string | null;
  current: { caseId: string; personName: string; planId: string; minutesAllotted: number } | null;
  /** Present when a case the caller may not see is being discussed. */
  restricted?: true;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

function summaryOf(row: MeetingRow): Omit<MeetingSummary, 'caseCount'> {
  return {
    id: row.id,
    neighbourhood: row.neighbourhood,
    neighbourhoodId: row.neighbourhoodId,
    startsAt: row.startsAt.toISOString(),
    startedAt: iso(row.startedAt),
    place: row.place,
    callLink: row.callLink,
    chair: { id: row.chairId, name: row.chairName },
    status: row.status as MeetingStatus,
  };
}

function caseView(user: User, row: CaseRow): MeetingCaseView {
  return {
    id: row.id,
    personId: row.personId,
    personName: personName(row),
    planId: row.planId,
    reason: row.reason,
    minutesAllotted: row.minutesAllotted,
    position: row.position,
    status: row.status,
    prepNotes: user.role === 'voluntary_partner' ? null : row.prepNotes,
    decision: row.decision,
    decidedBy: row.decidedById
      ? { id: row.decidedById, name: row.decidedByName ?? 'A former team member' }
      : null,
    decidedAt: iso(row.decidedAt),
    versionId: row.versionId,
    carriedFromCaseId: row.carriedFromCaseId,
  };
}

/** The live view of a meeting from its SQL mirror. */
export function liveView(user: User, meeting: MeetingRow, cases: CaseRow[]): MeetingLive {
  const base = {
    status: meeting.status as MeetingStatus,
    currentCaseId: meeting.currentCaseId,
    caseStartedAt: iso(meeting.caseStartedAt),
  };
  const row = cases.find((c) => c.id === meeting.currentCaseId);
  if (!row) return { ...base, current: null };
  if (!caseVisible(user, row)) return { ...base, current: null, restricted: true };
  const current = {
    caseId: row.id,
    personName: personName(row),
    planId: row.planId,
    minutesAllotted: row.minutesAllotted,
  };
  return { ...base, current };
}

/** Reading meetings: the list, one meeting, and where a live one is. */
export function meetingViews({ db }: MeetingDeps) {
  return {
    async list(user: User): Promise<MeetingSummary[]> {
      const rows = await listMeetings(
        db,
        user.neighbourhoods.map((n) => n.id),
      );
      // Counts follow what the caller could open: a partner, consented people; an admin, none.
      const countFor = (r: (typeof rows)[number]) =>
        user.role === 'admin'
          ? 0
          : user.role === 'voluntary_partner'
            ? r.consentedCaseCount
            : r.caseCount;
      return rows.map((r) => ({ ...summaryOf(r), caseCount: countFor(r) }));
    },

    async get(user: User, id: string): Promise<Outcome<{ meeting: MeetingDetail }>> {
      const found = await meetingFor(db, user, id);
      if (!found.ok) return found;
      const { meeting, chair } = found;
      const cases = (await listCases(db, id)).filter((c) => caseVisible(user, c));
      const attendance = await listAttendance(db, id);
      return {
        ok: true,
        meeting: {
          ...summaryOf(meeting),
          closedAt: iso(meeting.closedAt),
          currentCaseId: meeting.currentCaseId,
          caseStartedAt: iso(meeting.caseStartedAt),
          canChair: chair,
          cases: cases.map((c) => caseView(user, c)),
          attendance: attendance.map((a) => ({ ...a, joinedAt: a.joinedAt.toISOString() })),
        },
      };
    },

    async live(user: User, id: string): Promise<Outcome<{ live: MeetingLive }>> {
      const found = await meetingFor(db, user, id);
      if (!found.ok) return found;
      return { ok: true, live: liveView(user, found.meeting, await listCases(db, id)) };
    },
  };
}

import type { Db } from '@careweave/db';
import {
  canSeePerson,
  isUuid,
  mayChair,
  type AgendaCase,
  type CaseStatus,
} from '@careweave/shared';
import type { Rooms } from '../collab/rooms.js';
import type { Outcome } from '../person-detail.js';
import type { CaseRow } from '../repo/meeting-cases.js';
import { findMeeting, membership, type MeetingRow } from '../repo/meetings.js';
import type { User } from '../repo/users.js';
import type { VersionsService } from '../versions/versions-service.js';

/** What the meeting services work with. */
export interface MeetingDeps {
  db: Db;
  rooms: Rooms;
  versions: VersionsService;
}

/** A meeting as one user may act on it. */
export interface MeetingInContext {
  meeting: MeetingRow;
  /** The user may chair this meeting's neighbourhood MDT. */
  chair: boolean;
}

export const NO_MEETING = {
  ok: false,
  status: 404,
  error: 'There is no such meeting, or it is not one of your team’s.',
} as const;
export const NOT_CHAIR = {
  ok: false,
  status: 403,
  error: 'Only the GP lead, or a member the team marks as chair, can do this.',
} as const;
export const CLOSED = {
  ok: false,
  status: 409,
  error: 'This meeting has closed and can no longer be changed. Use the next meeting instead.',
} as const;
/** A case no longer on the agenda: most often the chair took it off while the page was open. */
export const NO_CASE = {
  ok: false,
  status: 404,
  error:
    'This case is no longer on the agenda: the chair may have taken it off. Reload the page to see the agenda as it is now.',
} as const;

/** The meeting, when it exists and the user is in its neighbourhood team. */
export async function meetingFor(
  db: Db,
  user: User,
  id: string,
): Promise<Outcome<MeetingInContext>> {
  const meeting = isUuid(id) ? await findMeeting(db, id) : null;
  if (!meeting) return NO_MEETING;
  const member = await membership(db, user.id, meeting.neighbourhoodId);
  if (!member.inTeam) return NO_MEETING;
  return { ok: true, meeting, chair: mayChair(user.role, member) };
}

/** The meeting, when the user may chair it and it has not closed. */
export async function chairedMeeting(
  db: Db,
  user: User,
  id: string,
): Promise<Outcome<MeetingInContext>> {
  const found = await meetingFor(db, user, id);
  if (!found.ok) return found;
  if (!found.chair) return NOT_CHAIR;
  if (found.meeting.status === 'closed') return CLOSED;
  return found;
}

/** Whether the user may see this case at all: a partner sees only consented people. */
export function caseVisible(user: User, row: CaseRow): boolean {
  const inTeam = user.neighbourhoods.some((n) => n.id === row.neighbourhoodId);
  return canSeePerson(user.role, { inTeam, consentToShare: row.consentToShare });
}

/** Case rows as the agenda rules read them. */
export function agendaCases(rows: CaseRow[]): (AgendaCase & { row: CaseRow })[] {
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    status: row.status as CaseStatus,
    row,
  }));
}

export const personName = (row: Pick<CaseRow, 'givenName' | 'familyName'>) =>
  `${row.givenName} ${row.familyName}`;

/**
 * Runs one chair action on a meeting at a time in this process, mirroring each into the meeting's
 * document before the next begins, so screens see the moves in the order they were made; and
 * presses waiting here hold no database connection while the meeting's lock is taken.
 */
export function serialised() {
  const tails = new Map<string, Promise<unknown>>();
  return function inTurn<T>(meetingId: string, run: () => Promise<T>): Promise<T> {
    const previous = tails.get(meetingId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(run);
    tails.set(meetingId, next);
    void next
      .catch(() => {})
      .finally(() => {
        if (tails.get(meetingId) === next) tails.delete(meetingId);
      });
    return next;
  };
}

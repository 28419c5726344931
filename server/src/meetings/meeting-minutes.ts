import * as Y from 'yjs';
import {
  buildMinutes,
  caseNotesText,
  meetingDocument,
  readActions,
  sharedPlanDocument,
  type AttendanceMode,
  type CaseReason,
  type Decision,
  type CaseStatus,
  type Minutes,
  type MinutesCaseInput,
} from '@careweave/shared';
import { documentNow } from '../collab/document-now.js';
import type { Outcome } from '../person-detail.js';
import { recordAudit } from '../repo/audit.js';
import { deferredTo, listCases, type CaseRow } from '../repo/meeting-cases.js';
import { listAttendance } from '../repo/meetings.js';
import { userNames, type User } from '../repo/users.js';
import { caseVisible, meetingFor, personName, type MeetingDeps } from './meeting-context.js';
import { minutesHtml } from './minutes-html.js';

/** Minutes of a meeting, the copy for the caller's audience: a partner gets the partner copy. */
export function meetingMinutes({ db, rooms }: MeetingDeps) {
  async function build(user: User, id: string): Promise<Outcome<{ minutes: Minutes }>> {
    const found = await meetingFor(db, user, id);
    if (!found.ok) return found;
    const { meeting } = found;
    const audience = user.role === 'voluntary_partner' ? 'partner' : 'team';
    const cases = (await listCases(db, id)).filter((c) => caseVisible(user, c));
    // Actions agreed at the meeting are the ones added to the plan while it ran.
    const from = meeting.startedAt?.toISOString() ?? null;
    const to = (meeting.closedAt ?? new Date()).toISOString();
    const notes = audience === 'team' ? await documentNow(rooms, meetingDocument(id)) : null;

    const inputs: MinutesCaseInput[] = [];
    const ownerIds = new Set<string>();
    const actionsOf = new Map<string, ReturnType<typeof readActions>>();
    for (const row of cases) {
      const plan = from ? await documentNow(rooms, sharedPlanDocument(row.planId)) : null;
      const agreed = plan
        ? readActions(plan).filter((a) => a.createdAt >= from! && a.createdAt <= to)
        : [];
      for (const a of agreed) if (a.ownerId) ownerIds.add(a.ownerId);
      actionsOf.set(row.id, agreed);
    }
    const owners = await userNames(db, [...ownerIds]);
    const carriedTo = await deferredTo(db, id);
    for (const row of cases) {
      const input = caseInput(row, actionsOf.get(row.id) ?? [], owners, notes);
      inputs.push({ ...input, deferredTo: carriedTo.get(row.id)?.toISOString() ?? null });
    }

    const attendance = (await listAttendance(db, id)).map((a) => ({
      name: a.name,
      role: a.role,
      organisation: a.organisation,
      mode: a.mode as AttendanceMode,
    }));
    const meetingFacts = {
      neighbourhood: meeting.neighbourhood,
      // The day it was held, which is not the day planned when the chair started it early.
      startsAt: (meeting.startedAt ?? meeting.startsAt).toISOString(),
      chair: meeting.chairName,
      place: meeting.place,
    };
    return { ok: true, minutes: buildMinutes(meetingFacts, inputs, attendance, { audience }) };
  }

  /** Builds the minutes and records that the user was shown them, in this way. */
  async function audited(
    user: User,
    id: string,
    action: 'minutes.open' | 'minutes.export',
  ): Promise<Outcome<{ minutes: Minutes }>> {
    const result = await build(user, id);
    if (!result.ok) return result;
    await recordAudit(db, {
      userId: user.id,
      action,
      entityType: 'meeting',
      entityId: id,
      detail: { audience: result.minutes.audience },
    });
    return result;
  }

  return {
    /** The minutes, on screen or as JSON. Audited: they say what was said of named people. */
    minutes: (user: User, id: string) => audited(user, id, 'minutes.open'),
    /** The minutes as a standalone printable page, for download. Audited. */
    async minutesHtml(user: User, id: string): Promise<Outcome<{ html: string }>> {
      const result = await audited(user, id, 'minutes.export');
      if (!result.ok) return result;
      return { ok: true, html: minutesHtml(result.minutes) };
    },
  };
}

function caseInput(
  row: CaseRow,
  actions: ReturnType<typeof readActions>,
  owners: Map<string, string>,
  notes: Y.Doc | null,
): MinutesCaseInput {
  return {
    id: row.id,
    position: row.position,
    status: row.status as CaseStatus,
    personName: personName(row),
    consentToShare: row.consentToShare,
    reason: row.reason as CaseReason,
    decision: row.decision as Decision | null,
    actions: actions.map((a) => ({
      text: a.text,
      owner: a.ownerId ? (owners.get(a.ownerId) ?? 'A former team member') : null,
      dueDate: a.dueDate,
    })),
    signedOff:
      row.versionId && row.versionLabel && row.versionAt
        ? {
            label: row.versionLabel,
            by: row.signedByName ?? 'A former team member',
            at: row.versionAt.toISOString(),
          }
        : null,
    discussion: notes ? caseNotesText(notes, row.id) : '',
  };
}

import {
  CASE_REASONS,
  CASE_STATUSES,
  caseNotesText,
  isUuid,
  mayChair,
  meetingDocument,
  PREP_NOTES_MAX,
  PREP_NOTES_TOO_LONG,
  reorderCases,
  todayIso,
  wholeNumber,
  type CaseReason,
  type CaseStatus,
} from '@careweave/shared';
import { parseServiceTime, planningHorizon } from '../calendar.js';
import { documentNow } from '../collab/document-now.js';
import type { Outcome } from '../person-detail.js';
import {
  addToAgenda,
  listCases,
  removeWaitingCase,
  replacePrepNotes,
  updateCase,
  type CaseChanges,
} from '../repo/meeting-cases.js';
import { insertMeeting, membership } from '../repo/meetings.js';
import { findPerson } from '../repo/people.js';
import type { User } from '../repo/users.js';
import {
  CLOSED,
  NOT_CHAIR,
  NO_CASE,
  agendaCases,
  chairedMeeting,
  meetingFor,
  personName,
  type MeetingDeps,
} from './meeting-context.js';

/** `POST /api/meetings`. */
export interface NewMeetingInput {
  startsAt?: unknown;
  place?: unknown;
  callLink?: unknown;
  neighbourhoodId?: unknown;
}

/** `POST /api/meetings/:id/cases`, and what `PATCH …/cases/:caseId` may change. */
export interface CaseInput {
  personId?: unknown;
  reason?: unknown;
  minutesAllotted?: unknown;
  prepNotes?: unknown;
  /** With `prepNotes` in a change: the notes the editor started from, to refuse a lost update. */
  prepNotesBefore?: unknown;
  status?: unknown;
}

const NOTES_CHANGED =
  'Someone else changed these notes while you were editing. Their version is shown: copy what you need into yours, then save again.';
/** The same notes, however the browser sent its line breaks and whatever space surrounds them. */
const sameNotes = (a: string, b: string) =>
  a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

const CHECK = 'Some details are missing or not right. Check the fields marked.';
const invalid = (fields: Record<string, string>) =>
  ({ ok: false, status: 400, error: CHECK, fields }) as const;
const optionalText = (value: unknown) => (typeof value === 'string' ? value.trim() || null : null);

const PLACE_MAX = 200;
const CALL_LINK_MAX = 2_000;

/** Checks where a new meeting is held: optional text of sensible length, a link to a web page. */
function placeProblems(input: NewMeetingInput, fields: Record<string, string>): void {
  const sentAs = (value: unknown) =>
    value === undefined || value === null || typeof value === 'string';
  const place = optionalText(input.place);
  const callLink = optionalText(input.callLink);
  if (!sentAs(input.place) || (place?.length ?? 0) > PLACE_MAX) {
    fields.place = `Give the place as text of up to ${PLACE_MAX} characters`;
  }
  if (!sentAs(input.callLink) || (callLink?.length ?? 0) > CALL_LINK_MAX) {
    fields.callLink = `Give the call link as a web address of up to ${CALL_LINK_MAX.toLocaleString('en-GB')} characters`;
  } else if (callLink && !/^https?:\/\/\S+$/.test(callLink)) {
    fields.callLink = 'Give the call link as a web address starting https://';
  }
}

/** Checks the case fields that were sent; `required` for a new case. */
function caseProblems(input: CaseInput, required: boolean): Record<string, string> {
  const fields: Record<string, string> = {};
  const sent = (key: keyof CaseInput) => required || input[key] !== undefined;
  if (sent('reason') && !CASE_REASONS.includes(input.reason as CaseReason)) {
    fields.reason = `Choose a reason: ${CASE_REASONS.join(', ')}`;
  }
  const minutes = wholeNumber(input.minutesAllotted);
  if (sent('minutesAllotted') && (minutes === null || minutes < 1 || minutes > 120)) {
    fields.minutesAllotted = 'Give the minutes as a whole number from 1 to 120';
  }
  if (
    input.prepNotes !== undefined &&
    (typeof input.prepNotes !== 'string' || input.prepNotes.length > PREP_NOTES_MAX)
  ) {
    fields.prepNotes = PREP_NOTES_TOO_LONG;
  }
  if (input.prepNotesBefore !== undefined && typeof input.prepNotesBefore !== 'string') {
    fields.prepNotesBefore = 'Send the prep notes you started from as text';
  }
  if (input.status !== undefined && !CASE_STATUSES.includes(input.status as CaseStatus)) {
    fields.status = `Choose a status: ${CASE_STATUSES.join(', ')}`;
  }
  return fields;
}

/** Scheduling meetings and preparing their agenda. */
export function meetingAgenda({ db, rooms }: MeetingDeps) {
  return {
    /** The user's neighbourhood teams in which they may chair, and so schedule meetings. */
    async chairedNeighbourhoods(user: User): Promise<{ id: string; name: string }[]> {
      const members = await Promise.all(
        user.neighbourhoods.map(async (n) => ({ n, member: await membership(db, user.id, n.id) })),
      );
      return members.filter(({ member }) => mayChair(user.role, member)).map(({ n }) => n);
    },

    async create(user: User, input: NewMeetingInput): Promise<Outcome<{ id: string }>> {
      const neighbourhoodId = input.neighbourhoodId ?? user.neighbourhoods[0]?.id;
      const fields: Record<string, string> = {};
      if (!user.neighbourhoods.some((n) => n.id === neighbourhoodId)) {
        fields.neighbourhoodId = 'Choose one of your neighbourhood teams';
      } else if (!mayChair(user.role, await membership(db, user.id, neighbourhoodId as string))) {
        return NOT_CHAIR;
      }
      const startsAt = typeof input.startsAt === 'string' ? parseServiceTime(input.startsAt) : null;
      if (!startsAt) {
        fields.startsAt = 'Enter the date and time of the meeting';
      } else if (todayIso(startsAt) < todayIso()) {
        fields.startsAt = 'Choose today or a later date: a meeting is scheduled ahead';
      } else if (todayIso(startsAt) > todayIso(planningHorizon())) {
        fields.startsAt =
          'Choose a date in the next two years: meetings are planned that far ahead';
      }
      placeProblems(input, fields);
      if (Object.keys(fields).length > 0) return invalid(fields);
      const id = await insertMeeting(db, {
        neighbourhoodId: neighbourhoodId as string,
        startsAt: startsAt!,
        place: optionalText(input.place),
        callLink: optionalText(input.callLink),
        chairId: user.id,
      });
      return { ok: true, id };
    },

    async addCase(
      user: User,
      meetingId: string,
      input: CaseInput,
    ): Promise<Outcome<{ id: string }>> {
      const found = await chairedMeeting(db, user, meetingId);
      if (!found.ok) return found;
      const fields = caseProblems(input, true);
      const personId = input.personId;
      const person =
        typeof personId === 'string' && isUuid(personId) ? await findPerson(db, personId) : null;
      if (person?.neighbourhoodId !== found.meeting.neighbourhoodId) {
        fields.personId = 'Choose a person from this neighbourhood team';
      }
      if (Object.keys(fields).length > 0) return invalid(fields);
      const [answer] = await addToAgenda(db, meetingId, [
        {
          personId: person!.id,
          reason: input.reason as string,
          minutesAllotted: wholeNumber(input.minutesAllotted)!,
          prepNotes: typeof input.prepNotes === 'string' ? input.prepNotes : '',
        },
      ]);
      if (!answer!.added) {
        const listed = `${personName(person!)} is already on this meeting’s agenda`;
        return { ok: false, status: 409, error: `${listed}.`, fields: { personId: listed } };
      }
      return { ok: true, id: answer!.caseId };
    },

    /** The chair may change anything here; other members (not partners) only the prep notes. */
    async updateCase(
      user: User,
      meetingId: string,
      caseId: string,
      input: CaseInput,
    ): Promise<Outcome<object>> {
      const found = await meetingFor(db, user, meetingId);
      if (!found.ok) return found;
      if (found.meeting.status === 'closed') return CLOSED;
      const onlyNotes = Object.keys(input).every(
        (k) => k === 'prepNotes' || k === 'prepNotesBefore',
      );
      const member = user.role !== 'voluntary_partner' && user.role !== 'admin';
      if (!found.chair && !(onlyNotes && member)) return NOT_CHAIR;
      const row = (await listCases(db, meetingId)).find((c) => c.id === caseId);
      if (!row) return NO_CASE;
      const fields = caseProblems(input, false);
      if (Object.keys(fields).length > 0) return invalid(fields);
      const changes: CaseChanges = {};
      if (input.reason !== undefined) changes.reason = input.reason as string;
      if (input.minutesAllotted !== undefined)
        changes.minutesAllotted = wholeNumber(input.minutesAllotted)!;
      if (input.status !== undefined) changes.status = input.status as string;
      const notes = input.prepNotes as string | undefined;
      const before = input.prepNotesBefore as string | undefined;
      if (notes !== undefined && before === undefined) changes.prepNotes = notes;
      if (notes !== undefined && before !== undefined) {
        const kept =
          sameNotes(row.prepNotes, before) &&
          (await replacePrepNotes(db, caseId, row.prepNotes, notes));
        if (!kept) {
          return {
            ok: false,
            status: 409,
            error: NOTES_CHANGED,
            fields: { prepNotes: NOTES_CHANGED },
          };
        }
      }
      await updateCase(db, caseId, changes);
      return { ok: true };
    },

    /** The chair takes a case off the agenda while it still waits to be discussed. */
    async removeCase(user: User, meetingId: string, caseId: string): Promise<Outcome<object>> {
      const found = await chairedMeeting(db, user, meetingId);
      if (!found.ok) return found;
      if (!(await listCases(db, meetingId)).some((c) => c.id === caseId)) return NO_CASE;
      // A case discussed and left undecided waits again; what was said of it must stay.
      const notes = await documentNow(rooms, meetingDocument(meetingId));
      if (caseNotesText(notes, caseId).trim() !== '') {
        return {
          ok: false,
          status: 409,
          error:
            'This case has discussion notes, so it stays on the agenda: they belong in the minutes.',
        };
      }
      if (!(await removeWaitingCase(db, meetingId, caseId))) {
        return {
          ok: false,
          status: 409,
          error:
            'Only a case still waiting to be discussed can be removed: this one is being discussed, has a decision or is signed off.',
        };
      }
      return { ok: true };
    },

    async moveCase(
      user: User,
      meetingId: string,
      caseId: string,
      input: { toIndex?: unknown },
    ): Promise<Outcome<object>> {
      const found = await chairedMeeting(db, user, meetingId);
      if (!found.ok) return found;
      const toIndex = wholeNumber(input.toIndex);
      if (toIndex === null)
        return invalid({ toIndex: 'Give the new place as a whole number, 0 for the top' });
      const cases = await listCases(db, meetingId);
      if (!cases.some((c) => c.id === caseId)) return NO_CASE;
      for (const { id, position } of reorderCases(agendaCases(cases), caseId, toIndex)) {
        await updateCase(db, id, { position });
      }
      return { ok: true };
    },
  };
}

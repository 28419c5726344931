import { SERVICE_TIME_ZONE } from '../calendar.js';
import {
  ATTENDANCE_MODE_LABELS,
  CASE_REASON_LABELS,
  DECISION_LABELS,
  agendaOrder,
  type AttendanceMode,
  type CaseReason,
  type CaseStatus,
  type Decision,
} from './agenda.js';

/** Who the minutes are for: the team's copy, or a voluntary-sector partner's. */
export type MinutesAudience = 'team' | 'partner';

/** The meeting as the minutes need it. */
export interface MinutesMeeting {
  neighbourhood: string;
  /** ISO time. */
  startsAt: string;
  chair: string;
  place: string | null;
}

/** One agenda case with what was agreed, as the minutes need it. */
export interface MinutesCaseInput {
  id: string;
  position: number;
  status: CaseStatus;
  personName: string;
  consentToShare: boolean;
  reason: CaseReason;
  decision: Decision | null;
  /** For a deferred case, the start (ISO) of the later meeting that has it, when one does. */
  deferredTo?: string | null;
  /** Actions agreed for the person during the meeting (from the shared plan document). */
  actions: MinutesAction[];
  signedOff: MinutesSignOff | null;
  /** Discussion notes as plain text (team copy only). */
  discussion: string;
}

export interface MinutesAction {
  text: string;
  /** The owner's name, or null when nobody owns it yet. */
  owner: string | null;
  dueDate: string | null;
}

export interface MinutesSignOff {
  label: string;
  /** Who signed off, by name. */
  by: string;
  /** ISO time. */
  at: string;
}

export interface MinutesAttendee {
  name: string;
  role: string;
  organisation: string | null;
  mode: AttendanceMode;
}

/** One case in the minutes. */
export interface MinutesCase {
  person: string;
  reason: string;
  decision: string | null;
  /** What became of the case, in words: the decision, deferred to when, or none recorded. */
  outcome: string;
  actions: MinutesAction[];
  signedOff: MinutesSignOff | null;
  /** Present in the team copy only. */
  discussion?: string;
}

/** The minutes of a meeting, ready to show, print or download. */
export interface Minutes {
  audience: MinutesAudience;
  title: string;
  /** The meeting's date, e.g. "23 November 2026". */
  date: string;
  /** ISO time the meeting began, or was due to start while it has not. */
  startsAt: string;
  place: string | null;
  chair: string;
  attendees: (MinutesAttendee & { modeLabel: string })[];
  cases: MinutesCase[];
}

/** The service's teams work to the clock on their wall. */
const DATE_LABEL = new Intl.DateTimeFormat('en-GB', {
  timeZone: SERVICE_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A date as people write it in minutes and version labels: "23 November 2026". */
export function meetingDateLabel(iso: string): string {
  return DATE_LABEL.format(new Date(iso));
}

/** The label of a version signed off at a meeting: "Agreed at Heatons MDT, 23 November 2026". */
export function signOffLabel(neighbourhood: string, startsAt: string): string {
  return `Agreed at ${neighbourhood} MDT, ${meetingDateLabel(startsAt)}`;
}

/** What became of a case, as the minutes say it. */
function outcomeOf(c: MinutesCaseInput): string {
  if (c.decision) return DECISION_LABELS[c.decision];
  if (c.status !== 'deferred') return 'No decision recorded';
  return c.deferredTo
    ? `Deferred: carried to the meeting on ${meetingDateLabel(c.deferredTo)}`
    : 'Deferred to a later meeting';
}

/**
 * The minutes from a meeting's records. A partner's copy lists only the cases of people who
 * consented to share, and never the discussion notes, which may carry clinical detail.
 */
export function buildMinutes(
  meeting: MinutesMeeting,
  cases: readonly MinutesCaseInput[],
  attendance: readonly MinutesAttendee[],
  { audience }: { audience: MinutesAudience },
): Minutes {
  const shown = agendaOrder(cases).filter((c) => audience === 'team' || c.consentToShare);
  return {
    audience,
    title: `${meeting.neighbourhood} MDT`,
    date: meetingDateLabel(meeting.startsAt),
    startsAt: meeting.startsAt,
    place: meeting.place,
    chair: meeting.chair,
    attendees: [...attendance]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => ({ ...a, modeLabel: ATTENDANCE_MODE_LABELS[a.mode] })),
    cases: shown.map((c) => ({
      person: c.personName,
      reason: CASE_REASON_LABELS[c.reason],
      decision: c.decision ? DECISION_LABELS[c.decision] : null,
      outcome: outcomeOf(c),
      actions: c.actions.map((a) => ({ ...a })),
      signedOff: c.signedOff,
      ...(audience === 'team' && { discussion: c.discussion }),
    })),
  };
}

// The agenda of an MDT meeting: which cases, in what order, and what carries over.

export const MEETING_STATUSES = ['scheduled', 'live', 'closed'] as const;
export const CASE_REASONS = [
  'new-referral',
  'review',
  'follow-up-due',
  'find-and-prevent',
] as const;
export const CASE_STATUSES = ['pending', 'discussing', 'done', 'deferred'] as const;
export const DECISIONS = ['continue-plan', 'refer', 'step-down', 'discharge', 'escalate'] as const;
export const ATTENDANCE_MODES = ['in-room', 'remote'] as const;

export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type CaseReason = (typeof CASE_REASONS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Decision = (typeof DECISIONS)[number];
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** The longest prep notes a case takes, in characters. */
export const PREP_NOTES_MAX = 10_000;
/** What to do when prep notes are longer: the same words wherever they are checked. */
export const PREP_NOTES_TOO_LONG = 'Prep notes are text, up to 10,000 characters';

/** How each reason for discussing a case is named to people. */
export const CASE_REASON_LABELS: Record<CaseReason, string> = {
  'new-referral': 'New referral',
  review: 'Review',
  'follow-up-due': 'Follow-up due',
  'find-and-prevent': 'Find and prevent',
};

/** How each decision is named to people. */
export const DECISION_LABELS: Record<Decision, string> = {
  'continue-plan': 'Continue plan',
  refer: 'Refer',
  'step-down': 'Step down to primary care',
  discharge: 'Discharge',
  escalate: 'Escalate',
};

/** How each way of attending is named to people. */
export const ATTENDANCE_MODE_LABELS: Record<AttendanceMode, string> = {
  'in-room': 'In the room',
  remote: 'Remote',
};

/** What the agenda rules need to know of a case. */
export interface AgendaCase {
  id: string;
  position: number;
  status: CaseStatus;
}

/** Cases in agenda order: by position, then id so that ties agree everywhere. */
export function agendaOrder<T extends AgendaCase>(cases: readonly T[]): T[] {
  return [...cases].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/**
 * Moves one case to `toIndex` of the agenda order and numbers the agenda 1, 2, 3…; returns
 * only the cases whose position changed (empty when the case is unknown or already there).
 * Renumbering, rather than a position between neighbours, keeps positions small however often
 * the chair reorders, and an agenda has tens of cases, not thousands.
 */
export function reorderCases(
  cases: readonly AgendaCase[],
  caseId: string,
  toIndex: number,
): { id: string; position: number }[] {
  const ordered = agendaOrder(cases);
  const from = ordered.findIndex((c) => c.id === caseId);
  if (from < 0) return [];
  const [moved] = ordered.splice(from, 1);
  const index = Math.max(0, Math.min(Math.trunc(toIndex), ordered.length));
  ordered.splice(index, 0, moved!);
  return ordered
    .map((c, i) => ({ id: c.id, position: i + 1, was: c.position }))
    .filter((c) => c.position !== c.was)
    .map(({ id, position }) => ({ id, position }));
}

/** The next pending case after `currentId` in agenda order, else the first pending; or null. */
export function nextCase<T extends AgendaCase>(
  cases: readonly T[],
  currentId: string | null,
): T | null {
  const ordered = agendaOrder(cases);
  const at = currentId ? ordered.findIndex((c) => c.id === currentId) : -1;
  const isNext = (c: T) => c.status === 'pending' && c.id !== currentId;
  return ordered.slice(at + 1).find(isNext) ?? ordered.slice(0, at + 1).find(isNext) ?? null;
}

/** At close: cases not yet discussed to an end carry to the next meeting; the rest stay. */
export function rollForward<T extends AgendaCase>(cases: readonly T[]): { carry: T[]; stay: T[] } {
  const ordered = agendaOrder(cases);
  const carries = (c: T) => c.status === 'pending' || c.status === 'discussing';
  return { carry: ordered.filter(carries), stay: ordered.filter((c) => !carries(c)) };
}

/** The position after every case on an agenda (for adding one at the end). */
export function endPosition(cases: readonly Pick<AgendaCase, 'position'>[]): number {
  return cases.reduce((max, c) => Math.max(max, c.position), 0) + 1;
}

/**
 * A whole number as JSON or a form field gives it, or null: a string must be plain digits
 * (with a minus sign at most), so "0x10", "1e1" and "12.0" are not read as numbers.
 */
export function wholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== 'string' || !/^-?\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

import { addDays, dateParts, isoDay, utcDay } from '../calendar.js';

/** Where a person is with their wellbeing measures (DESIGN §3: follow-up about 3 months on). */
export type FollowUpStatus = 'baseline-missing' | 'not-yet-due' | 'due' | 'overdue' | 'done';

/**
 * The follow-up date: three calendar months after the baseline, on the last day of the month
 * when that month is shorter (30 November → 28 or 29 February).
 */
export function followUpDue(baselineTakenAt: string): string {
  const [y, m, d] = dateParts(baselineTakenAt);
  const lastDay = utcDay(y, m - 1 + 3 + 1, 0).getUTCDate();
  return isoDay(utcDay(y, m - 1 + 3, Math.min(d, lastDay)));
}

/** A follow-up counts from ten weeks after baseline: "about three months", not to the day. */
export const FOLLOW_UP_EARLIEST_DAYS = 70;
/** It shows as due from two weeks before the due date… */
export const DUE_FROM_DAYS_BEFORE = 14;
/** …and as overdue from four weeks after it. */
export const OVERDUE_FROM_DAYS_AFTER = 28;

/**
 * The follow-up status on `today` (all dates YYYY-MM-DD): `latestFollowUp` is the date of the
 * latest complete measure after the baseline, if any.
 */
export function followUpStatus(
  baseline: string | null,
  latestFollowUp: string | null,
  today: string,
): FollowUpStatus {
  if (!baseline) return 'baseline-missing';
  if (latestFollowUp && latestFollowUp >= addDays(baseline, FOLLOW_UP_EARLIEST_DAYS)) return 'done';
  const due = followUpDue(baseline);
  if (today < addDays(due, -DUE_FROM_DAYS_BEFORE)) return 'not-yet-due';
  if (today < addDays(due, OVERDUE_FROM_DAYS_AFTER)) return 'due';
  return 'overdue';
}

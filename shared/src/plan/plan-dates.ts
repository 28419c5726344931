import { isIsoDate } from '../person.js';

// A due or review date outside these years is a slip of the keyboard (a browser takes "26" as
// the year 26), and would leave an action overdue for ever.
const EARLIEST = '1900-01-01';
const LATEST = '2200-12-31';

/** Why a date typed for a plan (a due date, a review date) cannot be taken; null when it can. */
export function planDateProblem(value: string): string | null {
  if (!isIsoDate(value)) return 'Enter a real date';
  if (value < EARLIEST) return 'Enter the year in full, such as 2027';
  if (value > LATEST) return 'Enter a date before the year 2201';
  return null;
}

/** The date if a plan may hold it, else null: what a plan says of a date it cannot take. */
export function planDateOrNull(value: unknown): string | null {
  return typeof value === 'string' && planDateProblem(value) === null ? value : null;
}

/**
 * Why a date something already happened on (a condition diagnosed) cannot be taken; null when
 * it can. `today` is YYYY-MM-DD on the team's clock, passed in so that this stays pure.
 */
export function pastDateProblem(value: string, today: string, what: string): string | null {
  const problem = planDateProblem(value);
  if (problem) return problem;
  return value > today ? `The date ${what} must be today or in the past` : null;
}

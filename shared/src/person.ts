import { PLAN_ACCESS } from './access.js';
import { nhsNumberProblem } from './nhs-number.js';
import type { Role } from './roles.js';

/** The two pathways a person's plan follows (DESIGN §2). */
export const PATHWAYS = ['Prevention', 'Recovery'] as const;
export type Pathway = (typeof PATHWAYS)[number];

/** The person-record fields a form or an API body carries; values are checked, not trusted. */
export interface PersonInput {
  nhsNumber?: unknown;
  givenName?: unknown;
  familyName?: unknown;
  dateOfBirth?: unknown;
  pathway?: unknown;
  gpPractice?: unknown;
}

export const NAME_MAX = 100;
export const GP_PRACTICE_MAX = 200;
/** Nobody alive was born before this, so an earlier date is a typing slip. */
const EARLIEST_BIRTH = '1900-01-01';

/** True for a calendar date written YYYY-MM-DD that exists (no 31 April). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/** Line breaks, tabs and other control characters: no one's name holds them; a paste slipped. */
const CONTROL_CHARACTER = /\p{Cc}/u;

function nameProblem(value: unknown, label: string): string | null {
  if (blank(value)) return `Enter the ${label.toLowerCase()}`;
  if (typeof value !== 'string') return `${label} must be text`;
  if (value.trim().length > NAME_MAX) return `${label} must be ${NAME_MAX} characters or fewer`;
  if (CONTROL_CHARACTER.test(value.trim())) {
    return `${label} must be on one line, without tabs or other control characters`;
  }
  return null;
}

function birthDateProblem(value: unknown, today: string): string | null {
  if (blank(value)) return 'Enter the date of birth';
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    return 'Enter the date of birth as year-month-day, for example 1948-03-12';
  }
  const date = value.trim();
  if (!isIsoDate(date)) return 'Date of birth must be a real date';
  if (date > today) return 'Date of birth must be today or in the past';
  if (date < EARLIEST_BIRTH) return 'Date of birth must be in 1900 or later';
  return null;
}

/**
 * What is wrong with a person's details, one message per field (empty when all is well).
 * `today` is YYYY-MM-DD, passed in so that this stays pure. The API and the form share it, so
 * both say the same thing.
 */
export function personProblems(input: PersonInput, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const add = (field: keyof PersonInput, problem: string | null) => {
    if (problem) problems[field] = problem;
  };
  add(
    'nhsNumber',
    blank(input.nhsNumber)
      ? 'Enter the NHS number'
      : typeof input.nhsNumber !== 'string'
        ? 'An NHS number has digits only, for example 999 000 0018'
        : nhsNumberProblem(input.nhsNumber),
  );
  add('givenName', nameProblem(input.givenName, 'Given name'));
  add('familyName', nameProblem(input.familyName, 'Family name'));
  add('dateOfBirth', birthDateProblem(input.dateOfBirth, today));
  if (!PATHWAYS.includes(input.pathway as Pathway)) {
    add('pathway', 'Choose a pathway: Prevention or Recovery');
  }
  if (!blank(input.gpPractice)) {
    if (typeof input.gpPractice !== 'string') add('gpPractice', 'GP practice must be text');
    else if (input.gpPractice.trim().length > GP_PRACTICE_MAX) {
      add('gpPractice', `GP practice must be ${GP_PRACTICE_MAX} characters or fewer`);
    } else if (CONTROL_CHARACTER.test(input.gpPractice.trim())) {
      add(
        'gpPractice',
        'GP practice must be on one line, without tabs or other control characters',
      );
    }
  }
  return problems;
}

/**
 * Who may add people and edit their details: everyone who writes the shared plan, except
 * voluntary-sector partners, whose access depends on the very consent such a record holds.
 */
export function canEditPeople(role: Role): boolean {
  return role !== 'voluntary_partner' && PLAN_ACCESS[role]['plan-shared'] === 'write';
}

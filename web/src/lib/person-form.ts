import { summaryLinks, type ErrorLink } from './error-links';

/** A person form as typed, so a failed submission shows exactly what was entered. */
export interface PersonFormValues {
  nhsNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  pathway: string;
  gpPractice: string;
  neighbourhoodId: string;
  consentToShare: boolean;
}

/** Fields in page order, so the error summary lists problems in the order they appear. */
export const PERSON_FIELDS = [
  'nhsNumber',
  'givenName',
  'familyName',
  'dateOfBirth',
  'pathway',
  'gpPractice',
  'neighbourhoodId',
  'consentToShare',
] as const;

/** The NHS error summary's links, one per problem, in page order. */
export function errorLinks(errors: Record<string, string>): ErrorLink[] {
  const others = Object.keys(errors).filter(
    (f) => !(PERSON_FIELDS as readonly string[]).includes(f),
  );
  return summaryLinks(errors, [...PERSON_FIELDS, ...others]);
}

/** What the edit form may change. */
export const EDITABLE_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'pathway',
  'gpPractice',
  'consentToShare',
] as const;

export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type EditableValues = Pick<PersonFormValues, EditableField>;

export const editableValues = (values: EditableValues): EditableValues =>
  Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, values[f]])) as EditableValues;

/** A person's record as the edit form shows it. */
export const editableOf = (
  person: Omit<EditableValues, 'gpPractice'> & { gpPractice: string | null },
) => editableValues({ ...person, gpPractice: person.gpPractice ?? '' });

/**
 * Of an edit form saved over a record that may have changed since it was opened: the fields the
 * user changed (only these are saved, so a field left alone never undoes someone else's change,
 * consent above all) and, of those, the ones someone else changed meanwhile to something else.
 */
export function editOutcome(
  opened: EditableValues,
  typed: EditableValues,
  now: EditableValues,
): { edited: EditableField[]; clashes: EditableField[] } {
  const edited = EDITABLE_FIELDS.filter((f) => typed[f] !== opened[f]);
  const clashes = edited.filter((f) => now[f] !== opened[f] && now[f] !== typed[f]);
  return { edited, clashes };
}

/** The values a form was opened with, from its hidden field; null when missing or not theirs. */
export function parseOpened(raw: unknown): EditableValues | null {
  if (typeof raw !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const values = parsed as Record<string, unknown>;
  const fits = EDITABLE_FIELDS.every((f) =>
    f === 'consentToShare' ? typeof values[f] === 'boolean' : typeof values[f] === 'string',
  );
  return fits ? editableValues(values as unknown as EditableValues) : null;
}

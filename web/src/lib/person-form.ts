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
export function errorLinks(errors: Record<string, string>): { href: string; text: string }[] {
  const known = PERSON_FIELDS.filter((f) => errors[f]).map((f) => ({
    href: `#${f}`,
    text: errors[f]!,
  }));
  const others = Object.keys(errors)
    .filter((f) => !(PERSON_FIELDS as readonly string[]).includes(f))
    .map((f) => ({ href: `#${f}`, text: errors[f]! }));
  return [...known, ...others];
}

import type { PersonRow } from './repo/people.js';

/** A service answer: the result, or why not, shaped for an HTTP error (`{ error, fields }`). */
export type Outcome<T> =
  | ({ ok: true } & T)
  | {
      ok: false;
      status: 400 | 403 | 404 | 409 | 429;
      error: string;
      fields?: Record<string, string>;
      /** The person already holding this NHS number, when the caller may see them. */
      known?: { name: string; planId: string };
    };

/** A person's record as `GET /api/people/:id` answers it. */
export interface PersonDetail {
  id: string;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  name: string;
  dateOfBirth: string;
  pathway: string;
  gpPractice: string | null;
  neighbourhoodId: string;
  neighbourhood: string;
  consentToShare: boolean;
  consentRecordedBy: { id: string; name: string } | null;
  /** ISO date and time. */
  consentRecordedAt: string | null;
  planId: string;
}

/** The API's view of a person's row. */
export function personDetail(row: PersonRow): PersonDetail {
  const { consentRecordedById: byId, consentRecordedByName: byName, consentRecordedAt } = row;
  return {
    id: row.id,
    nhsNumber: row.nhsNumber,
    givenName: row.givenName,
    familyName: row.familyName,
    name: `${row.givenName} ${row.familyName}`,
    dateOfBirth: row.dateOfBirth,
    pathway: row.pathway,
    gpPractice: row.gpPractice,
    neighbourhoodId: row.neighbourhoodId,
    neighbourhood: row.neighbourhood,
    consentToShare: row.consentToShare,
    consentRecordedBy: byId ? { id: byId, name: byName ?? 'a former team member' } : null,
    consentRecordedAt: consentRecordedAt ? consentRecordedAt.toISOString() : null,
    planId: row.planId,
  };
}

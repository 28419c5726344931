/** The co-edited documents of DESIGN §2, parsed from their names. */
export type DocumentRef =
  | { kind: 'plan-shared'; planId: string; name: string }
  | { kind: 'plan-clinical'; planId: string; name: string }
  | { kind: 'meeting'; meetingId: string; name: string };

export type DocumentKind = DocumentRef['kind'];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLAN_DOC = new RegExp(`^plan:(${UUID}):(shared|clinical)$`);
const MEETING_DOC = new RegExp(`^meeting:(${UUID})$`);

/** Parses a document name; null when it names no document Careweave has. */
export function parseDocumentName(name: string): DocumentRef | null {
  const plan = PLAN_DOC.exec(name);
  if (plan) {
    const kind = plan[2] === 'shared' ? 'plan-shared' : 'plan-clinical';
    return { kind, planId: plan[1]!, name };
  }
  const meeting = MEETING_DOC.exec(name);
  if (meeting) return { kind: 'meeting', meetingId: meeting[1]!, name };
  return null;
}

export function sharedPlanDocument(planId: string): string {
  return `plan:${planId}:shared`;
}

export function clinicalPlanDocument(planId: string): string {
  return `plan:${planId}:clinical`;
}

export function meetingDocument(meetingId: string): string {
  return `meeting:${meetingId}`;
}

/** True for a lower-case UUID, the form every Careweave id takes. */
export function isUuid(value: string): boolean {
  return new RegExp(`^${UUID}$`).test(value);
}

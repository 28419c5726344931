import {
  clinicalPlanDocument,
  planDocumentAccess,
  sharedPlanDocument,
  type Access,
  type PlanContext,
} from '@careweave/shared';
import type { PersonRow } from './repo/people.js';
import type { User } from './repo/users.js';

/** The facts about a person that decide what this user may see of their plan. */
export function planContextFor(
  user: User,
  person: Pick<PersonRow, 'neighbourhoodId' | 'consentToShare'>,
): PlanContext {
  return {
    inTeam: user.neighbourhoods.some((n) => n.id === person.neighbourhoodId),
    consentToShare: person.consentToShare,
  };
}

/** One plan document the user may open. */
export interface PlanDocument {
  name: string;
  kind: 'shared' | 'clinical';
  access: Exclude<Access, 'none'>;
}

/** The plan's documents this user may open, shared first; empty when they may see none. */
export function planDocumentsFor(user: User, person: PersonRow): PlanDocument[] {
  const context = planContextFor(user, person);
  const documents: PlanDocument[] = [];
  for (const kind of ['shared', 'clinical'] as const) {
    const access = planDocumentAccess(user.role, `plan-${kind}`, context);
    if (access === 'none') continue;
    const name =
      kind === 'shared' ? sharedPlanDocument(person.planId) : clinicalPlanDocument(person.planId);
    documents.push({ name, kind, access });
  }
  return documents;
}

import type { Db } from '@careweave/db';
import {
  clinicalPlanDocument,
  isUuid,
  parseDocumentName,
  planDocumentAccess,
  sharedPlanDocument,
  type Access,
  type PlanContext,
} from '@careweave/shared';
import { recordAudit } from './repo/audit.js';
import { findPersonByPlan, listPeopleIn, type PersonRow } from './repo/people.js';
import type { User } from './repo/users.js';

/** One row of `GET /api/people` (DESIGN §6). */
export interface PersonSummary {
  id: string;
  nhsNumber: string;
  name: string;
  neighbourhood: string;
  pathway: string;
  planId: string;
}

/** A plan as the caller may see it: `GET /api/plans/:planId` (DESIGN §6). */
export interface PlanView {
  planId: string;
  person: PersonSummary & {
    dateOfBirth: string;
    gpPractice: string | null;
    consentToShare: boolean;
  };
  documents: { name: string; kind: 'shared' | 'clinical'; access: Exclude<Access, 'none'> }[];
}

/** People, their plans, and who may open which plan document. */
export interface PeopleService {
  list(user: User): Promise<PersonSummary[]>;
  /** The plan, or null when it does not exist or the user may not see it. Audited. */
  openPlan(user: User, planId: string): Promise<PlanView | null>;
  /** The user's access to a collaborative document, by name. */
  documentAccess(user: User, documentName: string): Promise<Access>;
}

function contextFor(user: User, person: PersonRow): PlanContext {
  return {
    inTeam: user.neighbourhoods.some((n) => n.id === person.neighbourhoodId),
    consentToShare: person.consentToShare,
  };
}

function summary(person: PersonRow): PersonSummary {
  return {
    id: person.id,
    nhsNumber: person.nhsNumber,
    name: `${person.givenName} ${person.familyName}`,
    neighbourhood: person.neighbourhood,
    pathway: person.pathway,
    planId: person.planId,
  };
}

export function createPeopleService(db: Db): PeopleService {
  return {
    async list(user) {
      const rows = await listPeopleIn(
        db,
        user.neighbourhoods.map((n) => n.id),
      );
      return rows
        .filter((p) => planDocumentAccess(user.role, 'plan-shared', contextFor(user, p)) !== 'none')
        .map(summary);
    },

    async openPlan(user, planId) {
      if (!isUuid(planId)) return null;
      const person = await findPersonByPlan(db, planId);
      if (!person) return null;
      const context = contextFor(user, person);
      const documents: PlanView['documents'] = [];
      for (const kind of ['shared', 'clinical'] as const) {
        const access = planDocumentAccess(user.role, `plan-${kind}`, context);
        if (access === 'none') continue;
        const name = kind === 'shared' ? sharedPlanDocument(planId) : clinicalPlanDocument(planId);
        documents.push({ name, kind, access });
      }
      if (documents.length === 0) return null;
      await recordAudit(db, {
        userId: user.id,
        action: 'plan.open',
        entityType: 'care_plan',
        entityId: planId,
      });
      return {
        planId,
        person: {
          ...summary(person),
          dateOfBirth: person.dateOfBirth,
          gpPractice: person.gpPractice,
          consentToShare: person.consentToShare,
        },
        documents,
      };
    },

    async documentAccess(user, documentName) {
      const ref = parseDocumentName(documentName);
      // Meetings arrive with the meeting issue; until then no one may open one.
      if (!ref || ref.kind === 'meeting') return 'none';
      const person = await findPersonByPlan(db, ref.planId);
      if (!person) return 'none';
      return planDocumentAccess(user.role, ref.kind, contextFor(user, person));
    },
  };
}

import type { Db } from '@careweave/db';
import {
  CLINICAL_PLAN_SECTIONS,
  SHARED_PLAN_SECTIONS,
  buildPersonCopy,
  canSeePerson,
  isOverdue,
  isUuid,
  readActions,
  sharedPlanDocument,
  summariseChanges,
  type FhirBundle,
  type Pathway,
  type PersonCopy,
  type PlanChange,
  todayIso,
} from '@careweave/shared';
import type { Rooms } from '../collab/rooms.js';
import { documentNow } from '../collab/document-now.js';
import { exportCarePlan } from './fhir-export.js';
import type { Outcome } from '../person-detail.js';
import { planContextFor, planDocumentsFor } from '../plan-access.js';
import { recordAudit } from '../repo/audit.js';
import { documentLog } from '../repo/documents.js';
import { findPersonByPlan } from '../repo/people.js';
import { openActionsOwnedBy } from '../repo/plans.js';
import { userNames, type User } from '../repo/users.js';

/** One row of `GET /api/me/actions`. */
export interface MyAction {
  planId: string;
  personId: string;
  personName: string;
  actionId: string;
  text: string;
  dueDate: string | null;
  status: string;
  overdue: boolean;
}

/** One item of `GET /api/plans/:planId/changes`. */
export interface PlanChangeView extends Omit<PlanChange, 'authorIds'> {
  document: 'shared' | 'clinical';
  authors: { id: string; name: string }[];
}

/** `GET /api/plans/:planId/changes`: what changed since `since` (ISO), newest first. */
export interface PlanChanges {
  since: string;
  changes: PlanChangeView[];
}

/** The person's copy of their plan, and whose it is. */
export interface PersonCopyView {
  person: {
    name: string;
    nhsNumber: string;
    dateOfBirth: string;
    pathway: Pathway;
    neighbourhood: string;
  };
  copy: PersonCopy;
}

/** What the plans hold, read across documents and projections. */
export interface PlansService {
  /** Open actions the user owns on plans they may see: overdue first, then by due date. */
  myActions(user: User): Promise<MyAction[]>;
  /** Changes to the documents the user may read; null when the plan is not theirs to see. */
  changes(user: User, planId: string, since: Date): Promise<PlanChanges | null>;
  /**
   * The person's own copy of their plan, to print and give them: for their care team, and
   * audited as the plan exported.
   */
  personCopy(user: User, planId: string): Promise<Outcome<PersonCopyView>>;
  /**
   * The plan as a FHIR R4 Bundle, for a GP system or shared care record: for the care team,
   * and audited as the plan exported.
   */
  fhirBundle(user: User, planId: string): Promise<Outcome<{ bundle: FhirBundle }>>;
}

const NO_PLAN = {
  ok: false,
  status: 404,
  error: 'This care plan does not exist, or you do not have access to it.',
} as const;
const TEAM_ONLY = {
  ok: false,
  status: 403,
  error: 'The person’s copy of their plan is given to them by their care team.',
} as const;
const EXPORT_TEAM_ONLY = {
  ok: false,
  status: 403,
  error: 'Only the person’s care team may export their plan.',
} as const;

const SECTIONS = { shared: SHARED_PLAN_SECTIONS, clinical: CLINICAL_PLAN_SECTIONS };

/** Overdue first, then by due date with undated last, then by text so the order is stable. */
function byUrgency(a: MyAction, b: MyAction): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.text.localeCompare(b.text);
}

export function createPlansService(db: Db, rooms: Rooms): PlansService {
  /**
   * The person whose plan is exported, once the user is found to be in their care team (a
   * partner is told `partnerRefusal`); the export is audited when `record` is called.
   */
  async function exporting(
    user: User,
    planId: string,
    partnerRefusal: { ok: false; status: 403; error: string },
  ) {
    const person = isUuid(planId) ? await findPersonByPlan(db, planId) : null;
    if (!person || !canSeePerson(user.role, planContextFor(user, person))) return NO_PLAN;
    if (user.role === 'voluntary_partner') return partnerRefusal;
    const record = (detail: Record<string, string>) =>
      recordAudit(db, {
        userId: user.id,
        action: 'plan.export',
        entityType: 'care_plan',
        entityId: planId,
        detail,
      });
    return { ok: true, person, record } as const;
  }

  return {
    async myActions(user) {
      const rows = await openActionsOwnedBy(
        db,
        user.id,
        user.neighbourhoods.map((n) => n.id),
      );
      const today = todayIso();
      return rows
        .filter((row) => canSeePerson(user.role, planContextFor(user, row)))
        .map((row) => ({
          planId: row.planId,
          personId: row.personId,
          personName: `${row.givenName} ${row.familyName}`,
          actionId: row.actionId,
          text: row.text,
          dueDate: row.dueDate,
          status: row.status,
          overdue: isOverdue({ status: 'open', dueDate: row.dueDate }, today),
        }))
        .sort(byUrgency);
    },

    async changes(user, planId, since) {
      if (!isUuid(planId)) return null;
      const person = await findPersonByPlan(db, planId);
      if (!person) return null;
      const documents = planDocumentsFor(user, person);
      if (documents.length === 0) return null;
      const cutoff = since.toISOString();

      const found: (PlanChange & { document: 'shared' | 'clinical' })[] = [];
      for (const { name, kind } of documents) {
        const log = await documentLog(db, name);
        // ISO times in UTC compare correctly as strings.
        const base = log.filter((u) => u.at < cutoff).map((u) => u.update);
        const after = log.filter((u) => u.at >= cutoff);
        if (after.length === 0) continue;
        for (const change of summariseChanges(base, after, SECTIONS[kind])) {
          found.push({ ...change, document: kind });
        }
      }
      const names = await userNames(db, [...new Set(found.flatMap((c) => c.authorIds))]);
      const changes = found
        .map(({ authorIds, ...change }) => ({
          ...change,
          authors: authorIds.map((id) => ({ id, name: names.get(id) ?? 'A former team member' })),
        }))
        .sort((a, b) => b.lastAt.localeCompare(a.lastAt));
      return { since: cutoff, changes };
    },

    async personCopy(user, planId) {
      const allowed = await exporting(user, planId, TEAM_ONLY);
      if (!allowed.ok) return allowed;
      const { person } = allowed;
      const shared = await documentNow(rooms, sharedPlanDocument(planId));
      const owners = await userNames(db, [
        ...new Set(readActions(shared).flatMap((a) => (a.ownerId ? [a.ownerId] : []))),
      ]);
      const copy = buildPersonCopy(shared, (id) => owners.get(id) ?? 'A former team member');
      await allowed.record({ copy: 'person' });
      return {
        ok: true,
        person: {
          name: `${person.givenName} ${person.familyName}`,
          nhsNumber: person.nhsNumber,
          dateOfBirth: person.dateOfBirth,
          pathway: person.pathway as Pathway,
          neighbourhood: person.neighbourhood,
        },
        copy,
      };
    },

    async fhirBundle(user, planId) {
      const allowed = await exporting(user, planId, EXPORT_TEAM_ONLY);
      if (!allowed.ok) return allowed;
      const bundle = await exportCarePlan(db, rooms, allowed.person);
      await allowed.record({ format: 'fhir' });
      return { ok: true, bundle };
    },
  };
}

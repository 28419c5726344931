import type { Db } from '@careweave/db';
import {
  canSeePerson,
  isUuid,
  meetingDocumentAccess,
  parseDocumentName,
  planDocumentAccess,
  type Access,
  type DocumentRef,
  todayIso,
  writesPartOnly,
} from '@careweave/shared';
import type { Outcome } from './person-detail.js';
import { createPersonRecords, type PersonRecords } from './person-records.js';
import {
  planContextFor as contextFor,
  planDocumentsFor,
  type PlanDocument,
} from './plan-access.js';
import { RecentKeys } from './audit/recent-keys.js';
import { recordAudit } from './repo/audit.js';
import { findMeeting, findMeetings, type MeetingRow } from './repo/meetings.js';
import {
  findPeopleByPlans,
  findPersonByPlan,
  listPathwayHistory,
  listPeopleIn,
  type PersonRow,
} from './repo/people.js';
import { actionCounts } from './repo/plans.js';
import { findUsers, listTeam, type TeamMember, type User } from './repo/users.js';

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
  documents: PlanDocument[];
  /** The plan's actions as last projected: open ones, and how many of those are overdue. */
  actions: { open: number; overdue: number };
}

/** People, their plans, and who may open which plan document. */
export interface PeopleService extends PersonRecords {
  list(user: User): Promise<PersonSummary[]>;
  /** The plan, or null when it does not exist or the user may not see it. Audited. */
  openPlan(user: User, planId: string): Promise<PlanView | null>;
  /**
   * As `openPlan`, not audited: for a page showing a signed-off version of the plan, which the
   * versions service audits as what was seen.
   */
  planForVersion(user: User, planId: string): Promise<PlanView | null>;
  /** The user's access to a collaborative document, by name. */
  documentAccess(user: User, documentName: string): Promise<Access>;
  /**
   * Audits a plan document let in over the collaboration socket, as the plan opened, once per
   * user and document in `SOCKET_OPEN_AUDIT_MS`: sockets reconnect at every network blip, and a
   * plan's page is audited when it loads; a client of the socket alone is audited too.
   */
  openedOverSocket(user: User, documentName: string): Promise<void>;
  /**
   * Each open socket's access as it stands now, by its user's id and its document: users,
   * plans and meetings are each read once, however many sockets share them.
   */
  accessNow(sockets: readonly OpenDocument[]): Promise<Access[]>;
  /** Everyone in the user's neighbourhood teams (`GET /api/team`). */
  team(user: User): Promise<TeamMember[]>;
  /**
   * Who may own the plan's actions: the members of the person's team who may see its shared
   * document, so that an action given to them is in their My actions. Null if the user may not
   * see the plan.
   */
  actionOwners(user: User, planId: string): Promise<TeamMember[] | null>;
  /** The person's pathways, newest first (`GET /api/people/:id/pathway-history`). */
  pathwayHistory(user: User, personId: string): Promise<Outcome<{ history: PathwayChange[] }>>;
}

/** A user with a collaborative document open. */
export interface OpenDocument {
  userId: string;
  documentName: string;
  /** It was let in to change only part of the document (a partner's shared plan). */
  partOnly?: boolean;
}

/** One pathway a person was put on, by whom and when. */
export interface PathwayChange {
  pathway: string;
  /** Null for people added before pathway history was kept. */
  setBy: { id: string; name: string } | null;
  /** ISO date and time. */
  setAt: string;
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

/** How long one opening of a plan over the socket stands for its reconnections. */
const SOCKET_OPEN_AUDIT_MS = 12 * 60 * 60_000;

/** A meeting document's access follows its team; none when there is no such meeting. */
function meetingAccess(
  user: User,
  meeting: Pick<MeetingRow, 'neighbourhoodId'> | undefined | null,
): Access {
  if (!meeting) return 'none';
  const inTeam = user.neighbourhoods.some((n) => n.id === meeting.neighbourhoodId);
  return meetingDocumentAccess(user.role, { inTeam });
}

/** A plan document's access follows its person; none when there is no such plan. */
function planAccess(
  user: User,
  kind: Exclude<DocumentRef['kind'], 'meeting'>,
  person: Pick<PersonRow, 'neighbourhoodId' | 'consentToShare'> | undefined | null,
): Access {
  return person ? planDocumentAccess(user.role, kind, contextFor(user, person)) : 'none';
}

/**
 * @param consentChanged see `createPersonRecords`.
 */
export function createPeopleService(db: Db, consentChanged?: () => void): PeopleService {
  const records = createPersonRecords(db, consentChanged);
  const socketOpens = new RecentKeys(SOCKET_OPEN_AUDIT_MS);

  async function planView(user: User, planId: string): Promise<PlanView | null> {
    if (!isUuid(planId)) return null;
    const person = await findPersonByPlan(db, planId);
    if (!person) return null;
    const documents = planDocumentsFor(user, person);
    if (documents.length === 0) return null;
    return {
      planId,
      person: {
        ...summary(person),
        dateOfBirth: person.dateOfBirth,
        gpPractice: person.gpPractice,
        consentToShare: person.consentToShare,
      },
      documents,
      actions: await actionCounts(db, planId, todayIso()),
    };
  }

  return {
    ...records,

    async pathwayHistory(user, personId) {
      // Visibility is the person record's: whoever may see the person may see their pathway.
      const found = await records.get(user, personId);
      if (!found.ok) return found;
      const rows = await listPathwayHistory(db, found.person.id);
      return {
        ok: true,
        history: rows.map((r) => ({
          pathway: r.pathway,
          setBy: r.setById ? { id: r.setById, name: r.setByName ?? 'A former team member' } : null,
          setAt: r.setAt.toISOString(),
        })),
      };
    },

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
      const plan = await planView(user, planId);
      if (!plan) return null;
      await recordAudit(db, {
        userId: user.id,
        action: 'plan.open',
        entityType: 'care_plan',
        entityId: planId,
      });
      // Its page's sockets, opened next, are this same opening.
      for (const { name } of plan.documents) socketOpens.mark(`${user.id} ${name}`);
      return plan;
    },

    planForVersion: planView,

    async documentAccess(user, documentName) {
      const ref = parseDocumentName(documentName);
      if (!ref) return 'none';
      return ref.kind === 'meeting'
        ? meetingAccess(user, await findMeeting(db, ref.meetingId))
        : planAccess(user, ref.kind, await findPersonByPlan(db, ref.planId));
    },

    async openedOverSocket(user, documentName) {
      const ref = parseDocumentName(documentName);
      if (!ref || ref.kind === 'meeting') return;
      const key = `${user.id} ${documentName}`;
      if (socketOpens.has(key)) return;
      await recordAudit(db, {
        userId: user.id,
        action: 'plan.open',
        entityType: 'care_plan',
        entityId: ref.planId,
        detail: { document: documentName, via: 'socket' },
      });
      socketOpens.mark(key);
    },

    async accessNow(sockets) {
      const refs = sockets.map((s) => parseDocumentName(s.documentName));
      const planIds = new Set<string>();
      const meetingIds = new Set<string>();
      for (const ref of refs) {
        if (ref?.kind === 'meeting') meetingIds.add(ref.meetingId);
        else if (ref) planIds.add(ref.planId);
      }
      const [users, people, meetings] = await Promise.all([
        findUsers(db, [...new Set(sockets.map((s) => s.userId))]),
        findPeopleByPlans(db, [...planIds]),
        findMeetings(db, [...meetingIds]),
      ]);
      const userById = new Map(users.map((u) => [u.id, u]));
      const personByPlan = new Map(people.map((p) => [p.planId, p]));
      const meetingById = new Map(meetings.map((m) => [m.id, m]));
      return sockets.map(({ userId, partOnly }, i) => {
        const user = userById.get(userId);
        const ref = refs[i];
        if (!user || !ref) return 'none';
        if (ref.kind === 'meeting') return meetingAccess(user, meetingById.get(ref.meetingId));
        const access = planAccess(user, ref.kind, personByPlan.get(ref.planId));
        // Someone made a partner may now change only part of a plan they were let in to write:
        // as for a writer who may now only read, that socket may do more than they may.
        const narrowed = access === 'write' && !partOnly && writesPartOnly(user.role, ref.kind);
        return narrowed ? 'read' : access;
      });
    },

    team: (user) =>
      listTeam(
        db,
        user.neighbourhoods.map((n) => n.id),
      ),

    async actionOwners(user, planId) {
      const person = isUuid(planId) ? await findPersonByPlan(db, planId) : null;
      if (!person || !canSeePerson(user.role, contextFor(user, person))) return null;
      const plan = { inTeam: true, consentToShare: person.consentToShare };
      const team = await listTeam(db, [person.neighbourhoodId]);
      return team.filter((member) => canSeePerson(member.role, plan));
    },
  };
}

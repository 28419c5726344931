import type { Db } from '@careweave/db';
import { isIsoDate, isUuid } from '@careweave/shared';
import { serviceDaySpan } from '../calendar.js';
import type { Outcome } from '../person-detail.js';
import { listAudit } from '../repo/audit.js';
import { listPeopleIn } from '../repo/people.js';
import type { User } from '../repo/users.js';

/** One audit event as an administrator reads it (`GET /api/audit`). */
export interface AuditEntry {
  id: number;
  /** ISO date and time. */
  at: string;
  /** Who acted; null for the system. */
  by: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  /** Whose record it was, when it was a person's or their plan's. */
  person: string | null;
  /** The team member it was about: whose role, membership or password changed. */
  member: string | null;
  /** The team a membership change was in. */
  team: string | null;
  /** The provider, or provider and service, a directory change was to. */
  provider: string | null;
  /** The label of the plan version a sign-off, restore or version read was about. */
  version: string | null;
  detail: Record<string, unknown>;
}

/** A page of the trail, and where the next (older) one starts, if there is one. */
export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next page. */
  next: number | null;
}

const PAGE = 100;

const ONLY_ADMINS = {
  ok: false,
  status: 403,
  error: 'Only a team administrator can read the audit trail.',
} as const;

/**
 * The audit trail, read-only: administrators read what their teams' members did, and what was
 * done to their teams' people.
 */
export interface AuditService {
  list(user: User, query: AuditQuery): Promise<Outcome<AuditPage>>;
  /** The teams' people, by name, to read the trail of one person's record; none to a non-admin. */
  people(user: User): Promise<AuditPerson[]>;
}

/**
 * Which events to read: whose actions, about which plan, on which days (`from` and `to`, dates
 * on the service's clock, both kept), older than which event (the page before's `next`).
 */
export interface AuditQuery {
  userId?: string;
  planId?: string;
  from?: string;
  to?: string;
  before?: string;
}

/** A person whose record's trail an administrator may choose to read, by their plan. */
export interface AuditPerson {
  planId: string;
  name: string;
  nhsNumber: string;
}

export function createAuditService(db: Db): AuditService {
  return {
    async list(user, query) {
      if (user.role !== 'admin') return ONLY_ADMINS;
      const fields: Record<string, string> = {};
      if (query.userId && !isUuid(query.userId)) fields.userId = 'Choose a team member';
      if (query.planId && !isUuid(query.planId)) fields.planId = 'Choose a plan';
      const before = query.before ? Number(query.before) : undefined;
      if (before !== undefined && !(Number.isSafeInteger(before) && before > 0)) {
        fields.before = 'Give the number of an event';
      }
      if (query.from && !isIsoDate(query.from)) fields.from = 'Enter a real date';
      if (query.to && !isIsoDate(query.to)) fields.to = 'Enter a real date';
      else if (query.from && query.to && isIsoDate(query.from) && query.to < query.from) {
        fields.to = 'The last day must be the same as or after the first';
      }
      if (Object.keys(fields).length > 0) {
        return { ok: false, status: 400, error: 'Check the fields marked.', fields };
      }
      const rows = await listAudit(db, {
        neighbourhoodIds: user.neighbourhoods.map((n) => n.id),
        userId: query.userId || undefined,
        planId: query.planId || undefined,
        beforeId: before,
        ...serviceDaySpan(query.from || undefined, query.to || undefined),
        limit: PAGE + 1,
      });
      const entries = rows.slice(0, PAGE).map((row): AuditEntry => ({
        id: row.id,
        at: row.at.toISOString(),
        by: row.userId ? { id: row.userId, name: row.userName ?? 'A former team member' } : null,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        person: row.personGivenName ? `${row.personGivenName} ${row.personFamilyName}` : null,
        member: row.memberName,
        team: row.teamName,
        provider: row.serviceName ? `${row.providerName}: ${row.serviceName}` : row.providerName,
        version: row.versionLabel,
        detail: row.detail as Record<string, unknown>,
      }));
      return { ok: true, entries, next: rows.length > PAGE ? entries.at(-1)!.id : null };
    },

    async people(user) {
      if (user.role !== 'admin') return [];
      const rows = await listPeopleIn(
        db,
        user.neighbourhoods.map((n) => n.id),
      );
      return rows.map((p) => ({
        planId: p.planId,
        name: `${p.givenName} ${p.familyName}`,
        nhsNumber: p.nhsNumber,
      }));
    },
  };
}

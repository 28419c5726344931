import { and, desc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { schema, type Db } from '@careweave/db';

const {
  auditEvents,
  users,
  carePlans,
  people,
  teamMembers,
  referrals,
  neighbourhoods,
  providers,
  providerServices,
  planVersions,
} = schema;
/** The team member an event was about, as against the one who acted. */
const member = alias(users, 'member');

/** Things the audit trail records (DESIGN §5). */
export type AuditAction =
  | 'login'
  | 'logout'
  | 'plan.open'
  | 'person.open'
  | 'person.create'
  | 'person.update'
  | 'plan.export'
  | 'plan.sign-off'
  | 'plan.restore'
  | 'version.open'
  | 'meeting.start'
  | 'meeting.close'
  | 'minutes.open'
  | 'minutes.export'
  | 'measure.record'
  | 'measures.read'
  | 'measure.remove'
  | 'referral.create'
  | 'referral.status'
  | 'provider.create'
  | 'provider.update'
  | 'service.create'
  | 'service.update'
  | 'member.add'
  | 'member.role'
  | 'member.chair'
  | 'member.provider'
  | 'member.remove'
  | 'member.password-reset'
  | 'password.change';

/** Appends one audit event; the app offers no way to change or delete them. */
export async function recordAudit(
  db: Db,
  event: {
    userId: string | null;
    action: AuditAction;
    entityType: string;
    entityId: string;
    detail?: Record<string, unknown>;
  },
) {
  await db.insert(schema.auditEvents).values({ ...event, detail: event.detail ?? {} });
}

/** Which audit events to read: whose actions, about which plan, older than which event. */
export interface AuditFilter {
  /** The teams whose trail it is: their members' actions, and anything about their people. */
  neighbourhoodIds: string[];
  userId?: string;
  /** The plan's own events and its person's. */
  planId?: string;
  beforeId?: number;
  /** Events at or after this instant. */
  since?: Date;
  /** Events before this instant. */
  until?: Date;
  limit: number;
}

/** Audit events, newest first, with who acted and whose record it was. */
export async function listAudit(db: Db, filter: AuditFilter) {
  if (filter.neighbourhoodIds.length === 0) return [];
  const members = db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(inArray(teamMembers.neighbourhoodId, filter.neighbourhoodIds));
  const plan = filter.planId
    ? db
        .select({ personId: carePlans.personId })
        .from(carePlans)
        .where(eq(carePlans.id, filter.planId))
    : null;
  return (
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        userId: auditEvents.userId,
        userName: users.name,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        detail: auditEvents.detail,
        personGivenName: people.givenName,
        personFamilyName: people.familyName,
        memberName: member.name,
        teamName: neighbourhoods.name,
        providerName: providers.name,
        serviceName: providerServices.name,
        versionLabel: planVersions.label,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .leftJoin(
        member,
        and(eq(auditEvents.entityType, 'user'), eq(sql`${member.id}::text`, auditEvents.entityId)),
      )
      // The team a membership change was in.
      .leftJoin(
        neighbourhoods,
        eq(sql`${neighbourhoods.id}::text`, sql`${auditEvents.detail} ->> 'neighbourhoodId'`),
      )
      // A sign-off, restore or version read names the version.
      .leftJoin(
        planVersions,
        eq(sql`${planVersions.id}::text`, sql`${auditEvents.detail} ->> 'versionId'`),
      )
      // A directory event names a provider or one of its services.
      .leftJoin(
        providerServices,
        and(
          eq(auditEvents.entityType, 'provider'),
          eq(sql`${providerServices.id}::text`, auditEvents.entityId),
        ),
      )
      .leftJoin(
        providers,
        and(
          eq(auditEvents.entityType, 'provider'),
          or(
            eq(sql`${providers.id}::text`, auditEvents.entityId),
            eq(providers.id, providerServices.providerId),
          ),
        ),
      )
      .leftJoin(
        referrals,
        and(
          eq(auditEvents.entityType, 'referral'),
          eq(sql`${referrals.id}::text`, auditEvents.entityId),
        ),
      )
      // A plan's event, or a referral's from that plan.
      .leftJoin(
        carePlans,
        or(
          and(
            eq(auditEvents.entityType, 'care_plan'),
            eq(sql`${carePlans.id}::text`, auditEvents.entityId),
          ),
          eq(carePlans.id, referrals.planId),
        ),
      )
      // Whose record it was (a person's, their plan's, a referral's), only for the teams' people.
      .leftJoin(
        people,
        and(
          or(
            and(
              eq(auditEvents.entityType, 'person'),
              eq(sql`${people.id}::text`, auditEvents.entityId),
            ),
            eq(people.id, carePlans.personId),
          ),
          inArray(people.neighbourhoodId, filter.neighbourhoodIds),
        ),
      )
      .where(
        and(
          // What the teams' members did, and what anyone (a former member too) did to their people.
          or(inArray(auditEvents.userId, members), isNotNull(people.id)),
          filter.userId ? eq(auditEvents.userId, filter.userId) : undefined,
          plan
            ? or(
                eq(carePlans.id, filter.planId!),
                and(
                  eq(auditEvents.entityType, 'person'),
                  eq(auditEvents.entityId, sql`(${plan})::text`),
                ),
              )
            : undefined,
          filter.beforeId ? lt(auditEvents.id, filter.beforeId) : undefined,
          filter.since ? gte(auditEvents.at, filter.since) : undefined,
          filter.until ? lt(auditEvents.at, filter.until) : undefined,
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(filter.limit)
  );
}

import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { schema, type Db } from '@careweave/db';
import { isOpenReferral, REFERRAL_STATUSES } from '@careweave/shared';

const { referrals, referralEvents, providerServices, providers, people, users, teamMembers } =
  schema;
const creator = alias(users, 'referral_creator');
const actor = alias(users, 'referral_actor');

export type NewReferral = Omit<typeof referrals.$inferInsert, 'id' | 'status'>;

const OPEN_STATUSES = REFERRAL_STATUSES.filter(isOpenReferral);

/** The referral already open from this person to this service, which a new one would repeat. */
export interface OpenReferral {
  status: string;
  createdById: string;
  createdByName: string;
  createdAt: Date;
}

/**
 * Adds a referral, "sent", with its first event, unless the person already has an open one to
 * the same service. The person's row is locked so two sent at once cannot both pass the check.
 */
export async function insertReferral(
  db: Db,
  referral: NewReferral,
): Promise<{ id: string } | { open: OpenReferral }> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.id, referral.personId))
      .for('update');
    const [open] = await tx
      .select({
        status: referrals.status,
        createdById: referrals.createdBy,
        createdByName: creator.name,
        createdAt: referrals.createdAt,
      })
      .from(referrals)
      .innerJoin(creator, eq(creator.id, referrals.createdBy))
      .where(
        and(
          eq(referrals.personId, referral.personId),
          eq(referrals.serviceId, referral.serviceId),
          inArray(referrals.status, OPEN_STATUSES),
        ),
      )
      .orderBy(desc(referrals.createdAt))
      .limit(1);
    if (open) return { open };
    const [row] = await tx
      .insert(referrals)
      .values({ ...referral, status: 'sent' })
      .returning({ id: referrals.id });
    await tx
      .insert(referralEvents)
      .values({ referralId: row!.id, status: 'sent', note: null, by: referral.createdBy });
    return { id: row!.id };
  });
}

/**
 * Moves a referral from `from` to `to` with an attributed event. False, writing nothing, when
 * someone else moved it first: the update matches only while the status is still `from`.
 */
export async function moveReferral(
  db: Db,
  move: { id: string; from: string; to: string; note: string | null; by: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(referrals)
      .set({ status: move.to, updatedAt: new Date() })
      .where(and(eq(referrals.id, move.id), eq(referrals.status, move.from)))
      .returning({ id: referrals.id });
    if (moved.length === 0) return false;
    await tx
      .insert(referralEvents)
      .values({ referralId: move.id, status: move.to, note: move.note, by: move.by });
    return true;
  });
}

/** Which referrals to list. */
export interface ReferralFilter {
  planId?: string;
  referralId?: string;
  providerId?: string;
  neighbourhoodIds?: string[];
}

function where(filter: ReferralFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.planId) parts.push(eq(referrals.planId, filter.planId));
  if (filter.referralId) parts.push(eq(referrals.id, filter.referralId));
  if (filter.providerId) parts.push(eq(providers.id, filter.providerId));
  if (filter.neighbourhoodIds) {
    parts.push(
      filter.neighbourhoodIds.length === 0
        ? sql`false`
        : inArray(people.neighbourhoodId, filter.neighbourhoodIds),
    );
  }
  return and(...parts);
}

/**
 * Referrals with their service, provider, person and author, newest first, and their events; and
 * whether any of the provider's own staff sign in to the person's neighbourhood team (as
 * `providerHasPartners` asks of one provider).
 */
export async function listReferrals(db: Db, filter: ReferralFilter) {
  const providerStaff = db
    .select({ id: users.id })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(
      and(
        eq(users.providerId, providers.id),
        eq(users.role, 'voluntary_partner'),
        eq(teamMembers.neighbourhoodId, people.neighbourhoodId),
      ),
    );
  const rows = await db
    .select({
      id: referrals.id,
      personId: referrals.personId,
      planId: referrals.planId,
      personGivenName: people.givenName,
      personFamilyName: people.familyName,
      neighbourhoodId: people.neighbourhoodId,
      consentToShare: people.consentToShare,
      serviceId: providerServices.id,
      serviceName: providerServices.name,
      serviceKind: providerServices.kind,
      providerId: providers.id,
      providerName: providers.name,
      providerStaffInTeam: sql<boolean>`exists (${providerStaff})`,
      reason: referrals.reason,
      goalId: referrals.goalId,
      urgency: referrals.urgency,
      status: referrals.status,
      createdById: referrals.createdBy,
      createdByName: creator.name,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .innerJoin(providerServices, eq(providerServices.id, referrals.serviceId))
    .innerJoin(providers, eq(providers.id, providerServices.providerId))
    .innerJoin(people, eq(people.id, referrals.personId))
    .innerJoin(creator, eq(creator.id, referrals.createdBy))
    .where(where(filter))
    .orderBy(desc(referrals.createdAt));
  const ids = rows.map((r) => r.id);
  const events =
    ids.length === 0
      ? []
      : await db
          .select({
            referralId: referralEvents.referralId,
            status: referralEvents.status,
            note: referralEvents.note,
            byId: referralEvents.by,
            byName: actor.name,
            at: referralEvents.at,
          })
          .from(referralEvents)
          .innerJoin(actor, eq(actor.id, referralEvents.by))
          .where(inArray(referralEvents.referralId, ids))
          .orderBy(asc(referralEvents.at), asc(referralEvents.id));
  return rows.map((r) => ({ ...r, events: events.filter((e) => e.referralId === r.id) }));
}

export type ReferralRow = Awaited<ReturnType<typeof listReferrals>>[number];

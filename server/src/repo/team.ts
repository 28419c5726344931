import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import type { Role } from '@careweave/shared';

const { users, teamMembers, neighbourhoods, providers } = schema;

/** One person's place in one neighbourhood team, as an administrator manages it. */
export interface MembershipRow {
  userId: string;
  name: string;
  email: string;
  role: string;
  organisation: string | null;
  /** The directory provider a partner works for, and its name. */
  providerId: string | null;
  provider: string | null;
  neighbourhoodId: string;
  neighbourhood: string;
  canChair: boolean;
}

const membership = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  organisation: users.organisation,
  providerId: users.providerId,
  provider: providers.name,
  neighbourhoodId: neighbourhoods.id,
  neighbourhood: neighbourhoods.name,
  canChair: teamMembers.canChair,
};

function memberships(db: Db) {
  return db
    .select(membership)
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, teamMembers.neighbourhoodId))
    .leftJoin(providers, eq(providers.id, users.providerId));
}

/** Every membership of these teams, by team then name. */
export async function listMemberships(
  db: Db,
  neighbourhoodIds: string[],
): Promise<MembershipRow[]> {
  if (neighbourhoodIds.length === 0) return [];
  return memberships(db)
    .where(inArray(teamMembers.neighbourhoodId, neighbourhoodIds))
    .orderBy(asc(neighbourhoods.name), asc(users.name), asc(users.id));
}

/** The user's memberships of these teams (none when they belong to none of them). */
export async function membershipsOf(
  db: Db,
  userId: string,
  neighbourhoodIds: string[],
): Promise<MembershipRow[]> {
  if (neighbourhoodIds.length === 0) return [];
  return memberships(db).where(
    and(eq(teamMembers.userId, userId), inArray(teamMembers.neighbourhoodId, neighbourhoodIds)),
  );
}

/** The account with this (already normalised) email, or null. */
export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, email));
  return row ?? null;
}

/** What the account may see, in every team it belongs to: its role and provider link. */
export interface AccountAccess {
  role: string;
  providerId: string | null;
  /** The linked provider's name. */
  provider: string | null;
}

/** The user's role and provider link now, or null when there is no such user. */
export async function accessOf(db: Db, userId: string): Promise<AccountAccess | null> {
  const [row] = await db
    .select({ role: users.role, providerId: users.providerId, provider: providers.name })
    .from(users)
    .leftJoin(providers, eq(providers.id, users.providerId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Gives the user a role and provider link (they hold in every team they belong to). */
export async function setAccess(
  db: Db,
  userId: string,
  access: { role: Role; providerId: string | null },
): Promise<void> {
  await db.update(users).set(access).where(eq(users.id, userId));
}

/** Stops the member chairing in every team. */
export async function stopChairing(db: Db, userId: string): Promise<void> {
  await db.update(teamMembers).set({ canChair: false }).where(eq(teamMembers.userId, userId));
}

/** Lets the member chair this team's meetings, or stops them. */
export async function setCanChair(
  db: Db,
  neighbourhoodId: string,
  userId: string,
  canChair: boolean,
): Promise<void> {
  await db
    .update(teamMembers)
    .set({ canChair })
    .where(and(eq(teamMembers.neighbourhoodId, neighbourhoodId), eq(teamMembers.userId, userId)));
}

/** Takes the member out of this team; their account and history stay. */
export async function removeMembership(
  db: Db,
  neighbourhoodId: string,
  userId: string,
): Promise<void> {
  await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.neighbourhoodId, neighbourhoodId), eq(teamMembers.userId, userId)));
}

/** Puts the user in this team; false when they were in it already. */
export async function addMembership(
  db: Db,
  neighbourhoodId: string,
  userId: string,
): Promise<boolean> {
  const added = await db
    .insert(teamMembers)
    .values({ neighbourhoodId, userId })
    .onConflictDoNothing()
    .returning({ userId: teamMembers.userId });
  return added.length > 0;
}

/** A new account in this team, in one transaction; throws a unique violation for a taken email. */
export async function createAccount(
  db: Db,
  neighbourhoodId: string,
  account: {
    name: string;
    email: string;
    role: Role;
    organisation: string | null;
    providerId: string | null;
    passwordHash: string;
  },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ ...account, mustChangePassword: true })
      .returning({ id: users.id });
    await tx.insert(teamMembers).values({ neighbourhoodId, userId: row!.id });
    return row!.id;
  });
}

/**
 * Runs `work` in a transaction holding these teams' rows locked (in id order, so two changes
 * never wait on each other), so changes to one team's administrators take turns in every
 * process and each reads what the one before it wrote. `work` must use only `tx`.
 */
export async function withTeamsLocked<T>(
  db: Db,
  neighbourhoodIds: string[],
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: neighbourhoods.id })
      .from(neighbourhoods)
      .where(inArray(neighbourhoods.id, neighbourhoodIds))
      .orderBy(asc(neighbourhoods.id))
      .for('update');
    return work(tx);
  });
}

/** The teams, of those given, whose only administrator is this user. */
export async function teamsOnlyAdministeredBy(
  db: Db,
  userId: string,
  neighbourhoodIds: string[],
): Promise<string[]> {
  if (neighbourhoodIds.length === 0) return [];
  const admins = await db
    .select({ neighbourhood: neighbourhoods.name, userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, teamMembers.neighbourhoodId))
    .where(and(inArray(teamMembers.neighbourhoodId, neighbourhoodIds), eq(users.role, 'admin')));
  const others = new Set(admins.filter((a) => a.userId !== userId).map((a) => a.neighbourhood));
  return [...new Set(admins.map((a) => a.neighbourhood))].filter((name) => !others.has(name));
}

/** The user's role now, or null. */
export async function roleOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  return row?.role ?? null;
}

/** Every team the user belongs to. */
export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: teamMembers.neighbourhoodId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.id);
}

import { asc, eq, inArray } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import { isRole, type Role } from '@careweave/shared';

const { users, teamMembers, neighbourhoods } = schema;

/** A signed-in professional, as every part of the app sees them. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: string | null;
  /** The provider organisation a voluntary-sector partner works for, if any. */
  providerId: string | null;
  neighbourhoods: { id: string; name: string }[];
  /** Signed in with a temporary password, and must choose their own before anything else. */
  mustChangePassword: boolean;
}

function toRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role in the database: ${value}`);
  return value;
}

/** The account for an email, with its password hash, or null. */
export async function findCredentials(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

/** The user's password hash, or null when there is no such user. */
export async function passwordHashOf(db: Db, id: string): Promise<string | null> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id));
  return row?.passwordHash ?? null;
}

/**
 * Stores a new password hash. One the member chose themselves lifts the need to change it; a
 * temporary one, which an administrator has seen, brings it back.
 */
export async function setPasswordHash(
  db: Db,
  id: string,
  passwordHash: string,
  { temporary = false } = {},
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: temporary })
    .where(eq(users.id, id));
}

/** A user with their neighbourhood teams, or null. */
export async function findUser(db: Db, id: string): Promise<User | null> {
  const [user] = await findUsers(db, [id]);
  return user ?? null;
}

/**
 * These users with their neighbourhood teams, in two queries however many there are; unknown
 * ids are left out.
 */
export async function findUsers(db: Db, ids: string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const [rows, teams] = await Promise.all([
    db.select().from(users).where(inArray(users.id, ids)),
    db
      .select({
        userId: teamMembers.userId,
        id: neighbourhoods.id,
        name: neighbourhoods.name,
      })
      .from(teamMembers)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, teamMembers.neighbourhoodId))
      .where(inArray(teamMembers.userId, ids)),
  ]);
  const teamsOf = new Map<string, { id: string; name: string }[]>();
  for (const { userId, id, name } of teams) {
    teamsOf.set(userId, [...(teamsOf.get(userId) ?? []), { id, name }]);
  }
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: toRole(row.role),
    organisation: row.organisation,
    providerId: row.providerId,
    neighbourhoods: teamsOf.get(row.id) ?? [],
    mustChangePassword: row.mustChangePassword,
  }));
}

/** A colleague as others see them: for choosing an action's owner, naming an author. */
export interface TeamMember {
  id: string;
  name: string;
  role: Role;
  organisation: string | null;
}

/** Everyone in these neighbourhood teams, once each, by name. */
export async function listTeam(db: Db, neighbourhoodIds: string[]): Promise<TeamMember[]> {
  if (neighbourhoodIds.length === 0) return [];
  const rows = await db
    .selectDistinct({
      id: users.id,
      name: users.name,
      role: users.role,
      organisation: users.organisation,
    })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(inArray(teamMembers.neighbourhoodId, neighbourhoodIds))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => ({ ...r, role: toRole(r.role) }));
}

/** Names of these users, by id (ids with no user are left out). */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

import { eq } from 'drizzle-orm';
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
  neighbourhoods: { id: string; name: string }[];
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

/** A user with their neighbourhood teams, or null. */
export async function findUser(db: Db, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) return null;
  const teams = await db
    .select({ id: neighbourhoods.id, name: neighbourhoods.name })
    .from(teamMembers)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, teamMembers.neighbourhoodId))
    .where(eq(teamMembers.userId, id));
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: toRole(row.role),
    organisation: row.organisation,
    neighbourhoods: teams,
  };
}

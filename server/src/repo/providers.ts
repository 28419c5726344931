import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { schema, type Db } from '@careweave/db';
import { directoryName } from '@careweave/shared';

const { providers, providerServices, users, teamMembers } = schema;

/** A provider with its services, as the directory lists it. */
export interface ProviderView {
  id: string;
  name: string;
  description: string;
  services: { id: string; name: string; kind: string; description: string; active: boolean }[];
}

/** Every provider by name, with its services by name. */
export async function listProviders(db: Db): Promise<ProviderView[]> {
  const rows = await db
    .select({ id: providers.id, name: providers.name, description: providers.description })
    .from(providers)
    .orderBy(asc(providers.name));
  const services = await db
    .select()
    .from(providerServices)
    .orderBy(asc(providerServices.name), asc(providerServices.createdAt));
  return rows.map((p) => ({
    ...p,
    services: services
      .filter((s) => s.providerId === p.id)
      .map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        description: s.description,
        active: s.active,
      })),
  }));
}

// An update that sets nothing is not valid SQL, so an empty change only checks existence.
const changesSome = (fields: object) => Object.values(fields).some((v) => v !== undefined);

export type ProviderFields = { name: string; description: string };
export type ServiceFields = { name: string; kind: string; description: string; active: boolean };

/**
 * Advisory-lock namespace of provider names (beside the update log's 0x63770001). A create or
 * rename holds the lock of the name as compared (single-spaced, lower-cased) while it checks and
 * writes, so two requests, on one process or several, cannot both find a name free. A lock, not a
 * unique index on the compared name, because a directory that already holds two spellings of a
 * name would fail that migration.
 */
const NAME_LOCKS = 0x63770002;

/**
 * Runs `write` in a transaction holding `name`'s lock, unless another provider (not `exceptId`)
 * already has the name whatever its capitals and spacing: then writes nothing and returns null.
 */
function withNameFree<T>(
  db: Db,
  name: string,
  exceptId: string | undefined,
  write: (tx: Db) => Promise<T>,
): Promise<T | null> {
  const compared = directoryName(name);
  return db.transaction(async (tx) => {
    // Only `tx` inside: embedded PGlite has one connection, so a query on `db` would wait forever.
    await tx.execute(
      sql`select pg_advisory_xact_lock(${NAME_LOCKS}, hashtext(lower(${compared})))`,
    );
    if (await providerNameTaken(tx, compared, exceptId)) return null;
    return write(tx);
  });
}

/** Adds a provider and returns its id; null when another has its name, whatever its capitals. */
export async function insertProvider(db: Db, fields: ProviderFields): Promise<string | null> {
  return withNameFree(db, fields.name, undefined, async (tx) => {
    const [row] = await tx.insert(providers).values(fields).returning({ id: providers.id });
    return row!.id;
  });
}

/**
 * Changes a provider: 'updated', 'missing' when there is no such provider, or 'taken' when the
 * new name is another provider's, whatever its capitals.
 */
export async function updateProvider(
  db: Db,
  id: string,
  fields: Partial<ProviderFields>,
): Promise<'updated' | 'missing' | 'taken'> {
  const write = async (tx: Db) => {
    if (!changesSome(fields)) return (await findProvider(tx, id)) ? 'updated' : 'missing';
    const rows = await tx
      .update(providers)
      .set(fields)
      .where(eq(providers.id, id))
      .returning({ id: providers.id });
    return rows.length > 0 ? 'updated' : 'missing';
  };
  if (fields.name === undefined) return write(db);
  return (await withNameFree(db, fields.name, id, write)) ?? 'taken';
}

/**
 * Whether another provider already has this name (as `directoryName` gives it), whatever its
 * capitals; stored names are single-spaced here too, since rows written before names were tidied
 * may hold runs of spaces.
 */
async function providerNameTaken(db: Db, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: providers.id })
    .from(providers)
    .where(
      and(
        sql`${comparedName(providers.name)} = lower(${name})`,
        exceptId ? ne(providers.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findProvider(db: Db, id: string) {
  const [row] = await db.select().from(providers).where(eq(providers.id, id));
  return row ?? null;
}

/** A stored name as names are compared: single-spaced, trimmed, in lower case. */
const comparedName = (column: AnyPgColumn) =>
  sql`lower(btrim(regexp_replace(${column}, '[[:space:]]+', ' ', 'g')))`;

/** Advisory-lock namespace of service names within a provider, as `NAME_LOCKS` is of providers'. */
const SERVICE_NAME_LOCKS = 0x63770003;

/**
 * Runs `write` in a transaction holding the lock of `name` at `providerId`, unless another of
 * that provider's services (not `exceptId`) already has the name whatever its capitals and
 * spacing: then writes nothing and returns null.
 */
function withServiceNameFree<T>(
  db: Db,
  providerId: string,
  name: string,
  exceptId: string | undefined,
  write: (tx: Db) => Promise<T>,
): Promise<T | null> {
  const compared = directoryName(name).toLowerCase();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${SERVICE_NAME_LOCKS}, hashtext(${providerId} || ':' || ${compared}))`,
    );
    const [taken] = await tx
      .select({ id: providerServices.id })
      .from(providerServices)
      .where(
        and(
          eq(providerServices.providerId, providerId),
          sql`${comparedName(providerServices.name)} = ${compared}`,
          exceptId ? ne(providerServices.id, exceptId) : undefined,
        ),
      )
      .limit(1);
    if (taken) return null;
    return write(tx);
  });
}

/** Adds a service and returns its id; null when the provider has one of that name already. */
export async function insertService(db: Db, providerId: string, fields: ServiceFields) {
  return withServiceNameFree(db, providerId, fields.name, undefined, async (tx) => {
    const [row] = await tx
      .insert(providerServices)
      .values({ providerId, ...fields })
      .returning({ id: providerServices.id });
    return row!.id;
  });
}

/**
 * Changes a service: 'updated', 'missing' when there is no such service, or 'taken' when the
 * new name is another of its provider's services', whatever its capitals.
 */
export async function updateService(
  db: Db,
  id: string,
  fields: Partial<ServiceFields>,
): Promise<'updated' | 'missing' | 'taken'> {
  const write = async (tx: Db) => {
    if (!changesSome(fields)) return (await findService(tx, id)) ? 'updated' : 'missing';
    const rows = await tx
      .update(providerServices)
      .set(fields)
      .where(eq(providerServices.id, id))
      .returning({ id: providerServices.id });
    return rows.length > 0 ? 'updated' : 'missing';
  };
  if (fields.name === undefined) return write(db);
  const service = await findService(db, id);
  if (!service) return 'missing';
  return (await withServiceNameFree(db, service.providerId, fields.name, id, write)) ?? 'taken';
}

/** A service with its provider, or null. */
export async function findService(db: Db, id: string) {
  const [row] = await db
    .select({
      id: providerServices.id,
      name: providerServices.name,
      kind: providerServices.kind,
      description: providerServices.description,
      active: providerServices.active,
      providerId: providers.id,
      providerName: providers.name,
    })
    .from(providerServices)
    .innerJoin(providers, eq(providers.id, providerServices.providerId))
    .where(eq(providerServices.id, id));
  return row ?? null;
}

/**
 * Whether any of the provider's own staff sign in to Careweave in this neighbourhood's team, and
 * so would see its referrals of the neighbourhood's people.
 */
export async function providerHasPartners(
  db: Db,
  providerId: string,
  neighbourhoodId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(
      and(
        eq(users.providerId, providerId),
        eq(users.role, 'voluntary_partner'),
        eq(teamMembers.neighbourhoodId, neighbourhoodId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

import { and, desc, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';

const { planVersions, planVersionDocuments, users } = schema;

const versionColumns = {
  id: planVersions.id,
  planId: planVersions.planId,
  label: planVersions.label,
  signedById: planVersions.signedBy,
  signedByName: users.name,
  meetingId: planVersions.meetingId,
  createdAt: planVersions.createdAt,
};

/** A plan's versions, newest first. */
export async function listVersions(db: Db, planId: string) {
  return db
    .select(versionColumns)
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.signedBy))
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.createdAt), desc(planVersions.id));
}

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

/** One version of a plan with the state of each of its documents, or null. */
export async function findVersion(db: Db, planId: string, id: string) {
  const [row] = await db
    .select(versionColumns)
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.signedBy))
    .where(and(eq(planVersions.planId, planId), eq(planVersions.id, id)));
  if (!row) return null;
  const documents = await db
    .select({ name: planVersionDocuments.documentName, state: planVersionDocuments.state })
    .from(planVersionDocuments)
    .where(eq(planVersionDocuments.versionId, id));
  return {
    ...row,
    documents: documents.map((d) => ({ name: d.name, state: new Uint8Array(d.state) })),
  };
}

/** Advisory-lock namespace of sign-offs: a plan's are made one at a time, in any process. */
const SIGN_OFF_LOCKS = 0x63770003;

/** What a sign-off records with its version, in the same transaction. */
export type WithVersion = (tx: Db, versionId: string) => Promise<void>;

/**
 * Stores a version and its documents' states together, and whatever `withVersion` records about
 * it, so that none is kept without the rest; returns its id and time. With `oncePerMeeting`,
 * null instead when the plan already has a version from that meeting.
 */
export async function insertVersion(
  db: Db,
  version: typeof planVersions.$inferInsert,
  documents: { name: string; state: Uint8Array }[],
  { oncePerMeeting = false, withVersion }: { oncePerMeeting?: boolean; withVersion: WithVersion },
) {
  return db.transaction(async (tx) => {
    if (oncePerMeeting && version.meetingId) {
      await tx.execute(
        sql`select pg_advisory_xact_lock(${SIGN_OFF_LOCKS}, hashtext(${version.planId}))`,
      );
      const [already] = await tx
        .select({ id: planVersions.id })
        .from(planVersions)
        .where(
          and(
            eq(planVersions.planId, version.planId),
            eq(planVersions.meetingId, version.meetingId),
          ),
        );
      if (already) return null;
    }
    const [row] = await tx
      .insert(planVersions)
      .values(version)
      .returning({ id: planVersions.id, createdAt: planVersions.createdAt });
    if (documents.length > 0) {
      await tx
        .insert(planVersionDocuments)
        .values(
          documents.map((d) => ({ versionId: row!.id, documentName: d.name, state: d.state })),
        );
    }
    await withVersion(tx, row!.id);
    return row!;
  });
}

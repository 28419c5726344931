import { and, desc, eq } from 'drizzle-orm';
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

/** Stores a version and its documents' states together; returns its id and time. */
export async function insertVersion(
  db: Db,
  version: typeof planVersions.$inferInsert,
  documents: { name: string; state: Uint8Array }[],
) {
  return db.transaction(async (tx) => {
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
    return row!;
  });
}

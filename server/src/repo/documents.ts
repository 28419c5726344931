import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import type { LoggedUpdate } from '@careweave/shared';
import type { DocumentStore, LogEntry, StoredDocument } from '../collab/store.js';

const { documentUpdates, documentSnapshots } = schema;

/** The rooms' store over the update log and snapshot tables. */
export function createDocumentStore(db: Db): DocumentStore {
  return {
    async load(documentName): Promise<StoredDocument> {
      const [snapshot] = await db
        .select({ state: documentSnapshots.state, throughSeq: documentSnapshots.throughSeq })
        .from(documentSnapshots)
        .where(eq(documentSnapshots.documentName, documentName));
      const after = snapshot?.throughSeq ?? 0;
      const rows = await db
        .select({ seq: documentUpdates.seq, update: documentUpdates.update })
        .from(documentUpdates)
        .where(and(eq(documentUpdates.documentName, documentName), gt(documentUpdates.seq, after)))
        .orderBy(asc(documentUpdates.seq));
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
        updates: rows.map((r) => new Uint8Array(r.update)),
        lastSeq: rows.at(-1)?.seq ?? after,
      };
    },

    async append(documentName, entries: LogEntry[]) {
      const rows = await db
        .insert(documentUpdates)
        .values(entries.map((e) => ({ documentName, update: e.update, authorId: e.authorId })))
        .returning({ seq: documentUpdates.seq });
      return Math.max(...rows.map((r) => r.seq));
    },

    async compact(documentName, state, throughSeq) {
      await db
        .insert(documentSnapshots)
        .values({ documentName, state, throughSeq })
        .onConflictDoUpdate({
          target: documentSnapshots.documentName,
          set: { state, throughSeq, updatedAt: sql`now()` },
          // Never move a snapshot backwards, whoever writes last.
          setWhere: sql`${documentSnapshots.throughSeq} <= ${throughSeq}`,
        });
    },
  };
}

/** A document's whole update log, oldest first, with authors and times (for history). */
export async function documentLog(db: Db, documentName: string): Promise<LoggedUpdate[]> {
  const rows = await db
    .select({
      update: documentUpdates.update,
      authorId: documentUpdates.authorId,
      createdAt: documentUpdates.createdAt,
    })
    .from(documentUpdates)
    .where(eq(documentUpdates.documentName, documentName))
    .orderBy(asc(documentUpdates.seq));
  return rows.map((r) => ({
    update: new Uint8Array(r.update),
    authorId: r.authorId,
    at: r.createdAt.toISOString(),
  }));
}

/** Appends updates with the times they were made, e.g. a seeded history; oldest first. */
export async function appendDated(
  db: Db,
  documentName: string,
  entries: (LogEntry & { at: Date })[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(documentUpdates).values(
    entries.map((e) => ({
      documentName,
      update: e.update,
      authorId: e.authorId,
      createdAt: e.at,
    })),
  );
}

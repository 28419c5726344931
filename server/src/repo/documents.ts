import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { schema, type Db } from '@careweave/db';
import type { LoggedUpdate } from '@careweave/shared';
import {
  storedState,
  type DocumentStore,
  type LogBatch,
  type LogEntry,
  type StoredDocument,
} from '../collab/store.js';

const { documentUpdates, documentSnapshots } = schema;

/**
 * Advisory-lock namespace of the update log. Appends hold a document's lock shared until they
 * commit; compaction holds it exclusively. So when compaction reads the log no insert for that
 * document is half-done, and the newest sequence number it sees covers every row below it,
 * whichever process wrote them.
 */
const LOG_LOCKS = 0x63770001;

/** The snapshot and every later update of a document, read inside `db` (perhaps a transaction). */
async function readStored(db: Db, documentName: string) {
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
}

/**
 * The columns an append names (the sequence number and time take their defaults), so the
 * append can be an insert … select that Drizzle prepares. Only the names count: the select
 * supplies the values, the update as bytea.
 */
const appendedUpdates = pgTable('document_updates', {
  documentName: text('document_name').notNull(),
  update: text('update').notNull(),
  authorId: uuid('author_id'),
});

/**
 * The append statement: batches in one statement, so one round trip, whose text is the same
 * whatever the batch holds, prepared once per connection rather than parsed and planned for
 * every batch. The rows go as three arrays (updates in hex, as both drivers pass text arrays
 * alike). Each row takes its document's lock (shared) before sequence numbers are drawn, in
 * the order given, and holds it until the statement's transaction commits.
 */
function appendStatement(db: Db) {
  return db
    .insert(appendedUpdates)
    .select(
      sql`select row.document_name, decode(row.update, 'hex'), row.author_id
        from unnest(
            ${sql.placeholder('names')}::text[],
            ${sql.placeholder('updates')}::text[],
            ${sql.placeholder('authors')}::uuid[]
          ) with ordinality as row(document_name, update, author_id, position),
          lateral (select pg_advisory_xact_lock_shared(${LOG_LOCKS}, hashtext(row.document_name))) as locked
        order by row.position`,
    )
    .prepare('append_logged');
}

type AppendStatement = ReturnType<typeof appendStatement>;

async function runAppend(statement: AppendStatement, batches: LogBatch[]): Promise<void> {
  const names: string[] = [];
  const updates: string[] = [];
  const authors: (string | null)[] = [];
  for (const { documentName, entries } of batches) {
    for (const { update, authorId } of entries) {
      names.push(documentName);
      updates.push(
        Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('hex'),
      );
      authors.push(authorId);
    }
  }
  if (names.length > 0) await statement.execute({ names, updates, authors });
}

/** Appends batches to the log inside `db` (perhaps a transaction), in one statement. */
export function appendLogged(db: Db, batches: LogBatch[]): Promise<void> {
  return runAppend(appendStatement(db), batches);
}

/** The rooms' store over the update log and snapshot tables. */
export function createDocumentStore(db: Db): DocumentStore {
  const append = appendStatement(db);
  return {
    async load(documentName): Promise<StoredDocument> {
      const { snapshot, updates } = await readStored(db, documentName);
      return { snapshot, updates };
    },

    append: (batches) => runAppend(append, batches),

    async compact(documentName) {
      await db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(${LOG_LOCKS}, hashtext(${documentName}))`,
        );
        const stored = await readStored(tx as unknown as Db, documentName);
        if (stored.updates.length === 0) return;
        const state = storedState(stored);
        await tx
          .insert(documentSnapshots)
          .values({ documentName, state, throughSeq: stored.lastSeq })
          .onConflictDoUpdate({
            target: documentSnapshots.documentName,
            set: { state, throughSeq: stored.lastSeq, updatedAt: sql`now()` },
          });
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

import { createDb, schema, type Database } from '@careweave/db';

/** A row for the update log. */
export interface LogRow {
  update: Uint8Array;
  authorId: string | null;
}

/** Rows per INSERT: well under Postgres's 65,535 bind parameters at three a row. */
const ROWS_PER_INSERT = 5_000;

/**
 * A document store opened directly, as the server would open it: a Postgres URL, or a PGlite
 * folder (which only one process may hold, so its server must be stopped meanwhile).
 */
export class DirectStore {
  private constructor(private readonly handle: Database) {}

  static async open(location: { url?: string; dataDir?: string }): Promise<DirectStore> {
    return new DirectStore(await createDb(location));
  }

  /** Appends rows to a document's log, oldest first, as the server's log writer would. */
  async append(documentName: string, rows: readonly LogRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await this.handle.db.insert(schema.documentUpdates).values(
        rows.slice(i, i + ROWS_PER_INSERT).map((row) => ({
          documentName,
          update: row.update,
          authorId: row.authorId,
        })),
      );
    }
  }

  /** How many rows each document has in the update log. */
  async logRowCounts(): Promise<Map<string, number>> {
    const log = schema.documentUpdates;
    const rows = await this.handle.db.select({ documentName: log.documentName }).from(log);
    const counts = new Map<string, number>();
    for (const { documentName } of rows) {
      counts.set(documentName, (counts.get(documentName) ?? 0) + 1);
    }
    return counts;
  }

  /** Each document's snapshot size in bytes. */
  async snapshotBytes(): Promise<Map<string, number>> {
    const snapshots = schema.documentSnapshots;
    const rows = await this.handle.db
      .select({ documentName: snapshots.documentName, state: snapshots.state })
      .from(snapshots);
    return new Map(rows.map((r) => [r.documentName, r.state.byteLength]));
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

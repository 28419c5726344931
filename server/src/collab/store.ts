import type * as Y from 'yjs';

/** One accepted update, with who made it. */
export interface LogEntry {
  update: Uint8Array;
  authorId: string | null;
}

/** What a document has on record: its latest snapshot and every update logged after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the newest logged update (0 when none). */
  lastSeq: number;
}

/**
 * Where rooms keep documents. The update log is append-only and attributable; a snapshot
 * only makes loading fast and never replaces the log.
 */
export interface DocumentStore {
  load(documentName: string): Promise<StoredDocument>;
  /** Appends entries in order; returns the sequence number of the last one. */
  append(documentName: string, entries: LogEntry[]): Promise<number>;
  /** Records `state` as holding every logged update up to and including `throughSeq`. */
  compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void>;
}

/**
 * Derives something from a stored document, e.g. the SQL projection of a shared plan. Rooms
 * call it after they persist and when they close; it must not change the document.
 */
export type Projector = (doc: Y.Doc) => Promise<void>;

/** A store in memory, for unit tests of rooms. */
export class MemoryStore implements DocumentStore {
  readonly log: (LogEntry & { documentName: string; seq: number })[] = [];
  readonly snapshots = new Map<string, { state: Uint8Array; throughSeq: number }>();
  #seq = 0;

  async load(documentName: string): Promise<StoredDocument> {
    const snapshot = this.snapshots.get(documentName);
    const after = snapshot?.throughSeq ?? 0;
    const entries = this.log.filter((e) => e.documentName === documentName && e.seq > after);
    return {
      snapshot: snapshot?.state ?? null,
      updates: entries.map((e) => e.update),
      lastSeq: entries.at(-1)?.seq ?? after,
    };
  }

  async append(documentName: string, entries: LogEntry[]): Promise<number> {
    for (const entry of entries) this.log.push({ ...entry, documentName, seq: ++this.#seq });
    return this.#seq;
  }

  async compact(documentName: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.snapshots.set(documentName, { state, throughSeq });
  }
}

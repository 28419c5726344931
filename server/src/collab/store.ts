import * as Y from 'yjs';

/** One accepted update, with who made it. */
export interface LogEntry {
  update: Uint8Array;
  authorId: string | null;
}

/** One document's share of an append. */
export interface LogBatch {
  documentName: string;
  entries: LogEntry[];
}

/** What a document has on record: its latest snapshot and every update logged after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * Where rooms keep documents. The update log is append-only and attributable; a snapshot
 * only makes loading fast and never replaces the log.
 */
export interface DocumentStore {
  load(documentName: string): Promise<StoredDocument>;
  /** Appends every batch, each in order, atomically. */
  append(batches: LogBatch[]): Promise<void>;
  /**
   * Folds everything logged for the document into its snapshot, from what is stored rather
   * than what any one process holds, so that several processes may write one document.
   */
  compact(documentName: string): Promise<void>;
}

/**
 * Applies a stored document to `doc` in one transaction. Folding the parts one by one into a
 * document is linear in their number; `Y.mergeUpdates` over thousands of small updates is not.
 */
export function applyStored(doc: Y.Doc, stored: StoredDocument, origin?: unknown): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  }, origin);
}

/**
 * Runs `write` in one transaction on `doc` and hands `changed` the update it made, if it made
 * one: even when `write` throws part-way, since what it did change is in the document.
 */
export function transactTracked<T>(
  doc: Y.Doc,
  origin: unknown,
  write: () => T,
  changed: (update: Uint8Array) => void,
): T {
  let update: Uint8Array | null = null;
  const keep = (made: Uint8Array, from: unknown) => {
    if (from === origin) update = made;
  };
  doc.on('update', keep);
  try {
    return doc.transact(write, origin);
  } finally {
    doc.off('update', keep);
    if (update) changed(update);
  }
}

/** A stored document as one Yjs update, with deleted content dropped. */
export function storedState(stored: StoredDocument): Uint8Array {
  const doc = new Y.Doc();
  applyStored(doc, stored);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
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
    return {
      snapshot: snapshot?.state ?? null,
      updates: this.#after(documentName).map((e) => e.update),
    };
  }

  async append(batches: LogBatch[]): Promise<void> {
    for (const { documentName, entries } of batches) {
      for (const entry of entries) this.log.push({ ...entry, documentName, seq: ++this.#seq });
    }
  }

  async compact(documentName: string): Promise<void> {
    const later = this.#after(documentName);
    if (later.length === 0) return;
    const state = storedState(await this.load(documentName));
    this.snapshots.set(documentName, { state, throughSeq: later.at(-1)!.seq });
  }

  #after(documentName: string) {
    const after = this.snapshots.get(documentName)?.throughSeq ?? 0;
    return this.log.filter((e) => e.documentName === documentName && e.seq > after);
  }
}

import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import {
  CloseCode,
  MessageType,
  SyncType,
  parseClientMessage,
  stampAwarenessUpdate,
} from '@careweave/shared';
import type { Connection } from './connection.js';
import type { DocumentStore, LogEntry, Projector } from './store.js';
import { Throttle } from './throttle.js';

export interface RoomOptions {
  /** Updates arriving within this many milliseconds go to the log in one insert. */
  batchMs: number;
  /** Write a snapshot once this many log rows have been added since the last one. */
  compactEvery: number;
  /** Called when the last connection leaves. */
  onEmpty(room: Room): void;
  log(message: string): void;
  /** Refreshes what is derived from the document (SQL projections) once it is stored. */
  project?: Projector | undefined;
  /** The least time between two projections while edits flow (default one second). */
  projectMs?: number | undefined;
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  return frame(MessageType.Sync, (e) => {
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
  });
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** The origin of a change the server makes itself, on behalf of a user (see `Room.change`). */
class ServerChange {
  constructor(readonly authorId: string) {}
}

/**
 * One open document: its Y.Doc, awareness, connections and persistence. Updates are
 * broadcast at once and appended to the log within `batchMs`; if the process dies in
 * between, the clients still hold them and send them again when they reconnect.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each connection with the awareness client ids it speaks for. */
  readonly #connections = new Map<Connection, Set<number>>();
  #pending: LogEntry[] = [];
  #flushTimer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();
  #lastSeq = 0;
  #sinceSnapshot = 0;
  #closed = false;
  readonly #projection: Throttle | null;
  /** Read-only connections already named in the log for sending changes. */
  readonly #loggedReaders = new WeakSet<Connection>();
  /** Updates refused from read-only connections. */
  droppedUpdates = 0;

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', this.#onUpdate);
    this.awareness.on('update', this.#onAwareness);
    const project = options.project;
    this.#projection = project
      ? new Throttle(() => this.#project(project), options.projectMs ?? 1000)
      : null;
  }

  /** Loads the document from the store: snapshot, then every update logged after it. */
  static async load(name: string, store: DocumentStore, options: RoomOptions): Promise<Room> {
    const room = new Room(name, store, options);
    const stored = await store.load(name);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) Y.applyUpdate(room.doc, Y.mergeUpdates(parts), room);
    room.#lastSeq = stored.lastSeq;
    room.#sinceSnapshot = stored.updates.length;
    return room;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Adds a connection and starts the sync handshake; false once the room is closing. */
  join(connection: Connection): boolean {
    if (this.#closed) return false;
    this.#connections.set(connection, new Set());
    connection.send(syncFrame(SyncType.Step1, Y.encodeStateVector(this.doc)));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      connection.send(this.#awarenessFrame([...states.keys()]));
    }
    return true;
  }

  /** Handles one binary message; a malformed one closes only its own connection. */
  receive(connection: Connection, data: Uint8Array): void {
    if (!this.#connections.has(connection)) return;
    const parsed = parseClientMessage(data);
    if (!parsed.ok) {
      connection.close(CloseCode.Malformed, `Malformed message: ${parsed.reason}`);
      return;
    }
    const message = parsed.message;
    try {
      switch (message.type) {
        case 'sync-step1':
          connection.send(
            syncFrame(SyncType.Step2, Y.encodeStateAsUpdate(this.doc, message.stateVector)),
          );
          break;
        case 'sync-step2':
        case 'sync-update':
          if (connection.access !== 'write') {
            this.#drop(connection, message.type, message.update);
            break;
          }
          Y.applyUpdate(this.doc, message.update, connection);
          break;
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(
            this.awareness,
            stampAwarenessUpdate(message.update, connection.presence),
            connection,
          );
          break;
        case 'query-awareness':
          connection.send(this.#awarenessFrame([...this.awareness.getStates().keys()]));
          break;
      }
    } catch {
      // Yjs throws while decoding a corrupt payload, before anything is integrated.
      connection.close(CloseCode.Malformed, 'Malformed message: undecodable payload');
    }
  }

  /**
   * Makes a change on the server's side, e.g. the meeting's state when the chair moves on or a
   * restored version: broadcast to every connection and logged under `authorId`, like an edit
   * that user typed. Throws once the room is closing (Rooms.change then opens a fresh one).
   */
  change<T>(authorId: string, write: (doc: Y.Doc) => T): T {
    if (this.#closed) throw new Error(`Room ${this.name} is closing`);
    let result!: T;
    this.doc.transact(() => {
      result = write(this.doc);
    }, new ServerChange(authorId));
    return result;
  }

  /** Removes a connection and the presence it published. */
  leave(connection: Connection): void {
    const clientIds = this.#connections.get(connection);
    if (!clientIds) return;
    this.#connections.delete(connection);
    if (clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clientIds], null);
    }
    if (this.#connections.size === 0) this.options.onEmpty(this);
  }

  /** Writes every pending update to the log; resolves once they are stored. */
  flush(): Promise<void> {
    if (this.#flushTimer) {
      clearTimeout(this.#flushTimer);
      this.#flushTimer = null;
    }
    const written = this.#writing.then(() => this.#writePending());
    // The chain itself never rejects, so one failed write does not block the next.
    this.#writing = written.catch(() => {});
    return written;
  }

  /** Stops taking connections, stores everything, writes a snapshot, frees the document. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const connection of this.#connections.keys()) {
      connection.close(CloseCode.GoingAway, 'Server is restarting');
    }
    this.#connections.clear();
    try {
      await this.flush();
      if (this.#sinceSnapshot > 0) await this.#compact();
    } finally {
      // Always a last projection, so what SQL says matches what the clients last saw.
      await this.#projection?.stop();
    }
    this.awareness.destroy();
    this.doc.destroy();
  }

  get closed(): boolean {
    return this.#closed;
  }

  #onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    const message = syncFrame(SyncType.Update, update);
    for (const connection of this.#connections.keys()) {
      if (connection !== origin) connection.send(message);
    }
    this.#pending.push({ update, authorId: authorOf(origin, this.#connections) });
    this.#flushTimer ??= setTimeout(() => void this.flush(), this.options.batchMs);
  };

  #onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const owned = this.#connections.get(origin as Connection);
    if (owned) {
      for (const id of added) owned.add(id);
      for (const id of removed) owned.delete(id);
    }
    const message = this.#awarenessFrame([...added, ...updated, ...removed]);
    for (const connection of this.#connections.keys()) {
      if (connection !== origin) connection.send(message);
    }
  };

  #drop(connection: Connection, type: 'sync-step2' | 'sync-update', update: Uint8Array): void {
    this.droppedUpdates++;
    // Every reader answers the handshake with a step 2; only one carrying content is worth naming.
    if (this.#loggedReaders.has(connection) || !carriesChanges(type, update)) return;
    this.#loggedReaders.add(connection);
    this.options.log(
      `dropped updates from read-only connection ${connection.userId} on ${this.name}`,
    );
  }

  async #project(project: Projector): Promise<void> {
    try {
      await project(this.doc);
    } catch (error) {
      // The log and the snapshot are the truth; a stale projection is mended by the next one.
      this.options.log(`room ${this.name} could not update its projection: ${String(error)}`);
    }
  }

  #awarenessFrame(clientIds: number[]): Uint8Array {
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds);
    return frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update));
  }

  async #writePending(): Promise<void> {
    if (this.#pending.length === 0) return;
    const entries = mergeByAuthor(this.#pending);
    this.#pending = [];
    try {
      this.#lastSeq = await this.store.append(this.name, entries);
      this.#sinceSnapshot += entries.length;
      this.#projection?.request();
    } catch (error) {
      // Keep them, in order, ahead of anything newer, and try again shortly.
      this.#pending = [...entries, ...this.#pending];
      this.options.log(`room ${this.name} could not write its log: ${String(error)}`);
      this.#flushTimer ??= setTimeout(() => void this.flush(), 1000);
      throw error;
    }
    if (this.#sinceSnapshot >= this.options.compactEvery) await this.#compact();
  }

  async #compact(): Promise<void> {
    // The state may include updates still pending; reapplying them on load is harmless.
    await this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.#lastSeq);
    this.#sinceSnapshot = 0;
  }
}

/** Who made an update: the connection that sent it, or the user a server change acts for. */
function authorOf(origin: unknown, connections: Map<Connection, unknown>): string | null {
  if (origin instanceof ServerChange) return origin.authorId;
  return connections.has(origin as Connection) ? (origin as Connection).userId : null;
}

/** Whether a refused update would have changed anything (a handshake's step 2 may not). */
function carriesChanges(type: 'sync-step2' | 'sync-update', update: Uint8Array): boolean {
  if (type === 'sync-update') return true;
  try {
    return Y.decodeUpdate(update).structs.length > 0;
  } catch {
    return true;
  }
}

/** Folds runs of updates by the same author into one log row each. */
function mergeByAuthor(entries: LogEntry[]): LogEntry[] {
  const merged: LogEntry[] = [];
  let run: LogEntry[] = [];
  const close = () => {
    if (run.length === 0) return;
    const update = run.length === 1 ? run[0]!.update : Y.mergeUpdates(run.map((e) => e.update));
    merged.push({ update, authorId: run[0]!.authorId });
    run = [];
  };
  for (const entry of entries) {
    if (run.length > 0 && run[0]!.authorId !== entry.authorId) close();
    run.push(entry);
  }
  close();
  return merged;
}

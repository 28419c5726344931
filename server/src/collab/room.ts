import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import {
  CloseCode,
  MessageType,
  SyncType,
  decodePeerMessage,
  encodePeerMessage,
  parseClientMessage,
  applyStampedAwarenessUpdate,
  type PeerMessage,
} from '@careweave/shared';
import { Broadcaster } from './broadcaster.js';
import type { Connection } from './connection.js';
import type { LogTarget, LogWriter } from './log-writer.js';
import type { Peers } from './peers.js';
import {
  applyStored,
  transactTracked,
  type DocumentStore,
  type LogEntry,
  type Projector,
} from './store.js';
import { Throttle } from './throttle.js';

export interface RoomOptions {
  /** Where accepted updates go to be logged; one per process, shared by every room. */
  writer: LogWriter;
  /** The other server processes, when several share the documents. */
  peers?: Peers | undefined;
  /** Write a snapshot once this many log rows have been added since the last one. */
  compactEvery: number;
  /** Called when the last connection leaves. */
  onEmpty(room: Room): void;
  log(message: string): void;
  /** Refreshes what is derived from the document (SQL projections) once it is stored. */
  project?: Projector | undefined;
  /** The least time between two projections while edits flow (default one second). */
  projectMs?: number | undefined;
  /** How long presence changes gather before they are sent (default 40 ms). */
  presenceWindowMs?: (() => number) | undefined;
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

/** Carets and selections of a room go out at most this often (25 a second) unless told. */
export const PRESENCE_WINDOW_MS = 40;

/** The origin of what another process accepted (and logs itself). */
const FROM_PEER = Symbol('from another process');
/** The origin of presence removed because its connection left. */
const LEFT = Symbol('connection left');

/**
 * One open document: its Y.Doc, awareness, connections and persistence. Updates are
 * broadcast at the end of the turn and appended to the log within the writer's batch window;
 * if the process dies in between, the clients still hold them and send them again when they
 * reconnect. With several processes, an update goes to the others once it is in the log, so
 * whatever a client sees through another process is already durable.
 */
export class Room implements LogTarget {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each connection with the awareness client ids it speaks for. */
  readonly #connections = new Map<Connection, Set<number>>();
  readonly #broadcaster = new Broadcaster({
    connections: () => this.#connections.keys(),
    presenceFrame: (clientIds) => this.#awarenessFrame(clientIds),
    presenceWindowMs: () => this.options.presenceWindowMs?.() ?? PRESENCE_WINDOW_MS,
  });
  #sinceSnapshot = 0;
  #compacting: Promise<void> | null = null;
  #closed = false;
  /** Peer messages that arrived while the document was loading, in order. */
  #peerBacklog: Uint8Array[] | null = [];
  #stopHearingPeers: (() => Promise<void>) | null = null;
  readonly #projection: Throttle | null;
  /** Connections already named in the log for sending changes they may not make. */
  readonly #loggedReaders = new WeakSet<Connection>();
  /** Updates refused from read-only connections, or beyond what a connection may change. */
  droppedUpdates = 0;

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onAwareness);
    const project = options.project;
    this.#projection = project
      ? new Throttle(() => this.#project(project), options.projectMs ?? 1000)
      : null;
  }

  /**
   * Loads the document from the store: snapshot, then every update logged after it. With
   * peers, it listens to them first, so nothing they commit meanwhile is missed, then asks
   * them for what they hold and have not yet logged.
   */
  static async load(name: string, store: DocumentStore, options: RoomOptions): Promise<Room> {
    const room = new Room(name, store, options);
    const peers = options.peers;
    if (peers) room.#stopHearingPeers = await peers.subscribe(name, (data) => room.#hear(data));
    try {
      const stored = await store.load(name);
      applyStored(room.doc, stored, room);
      room.#sinceSnapshot = stored.updates.length;
    } catch (error) {
      await room.#stopHearingPeers?.();
      room.awareness.destroy();
      room.doc.destroy();
      throw error;
    }
    const backlog = room.#peerBacklog ?? [];
    room.#peerBacklog = null;
    for (const data of backlog) room.#hear(data);
    room.#tell({ kind: 'hello', stateVector: Y.encodeStateVector(room.doc) });
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
        case 'sync-update': {
          const limited = connection.limit?.(this.doc, message.update);
          if (connection.access !== 'write' || limited?.verdict === 'incomplete') {
            this.#drop(connection, message.type, message.update);
            break;
          }
          // A sync-update message is already the frame the others need.
          this.#accept(message.update, connection, message.type === 'sync-update' ? data : null);
          if (limited?.verdict === 'beyond') {
            this.change(connection.userId, limited.undo);
            this.options.log(
              `undid changes beyond what ${connection.userId} may make on ${this.name}`,
            );
          }
          break;
        }
        case 'awareness':
          applyStampedAwarenessUpdate(
            this.awareness,
            message.update,
            connection.presence,
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
    const origin = new ServerChange(authorId);
    return transactTracked(
      this.doc,
      origin,
      () => write(this.doc),
      (update) => {
        this.#broadcaster.update(syncFrame(SyncType.Update, update), origin);
        this.options.writer.add(this, { update, authorId });
      },
    );
  }

  /** Removes a connection and the presence it published. */
  leave(connection: Connection): void {
    const clientIds = this.#connections.get(connection);
    if (!clientIds) return;
    this.#connections.delete(connection);
    if (clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clientIds], LEFT);
    }
    if (this.#connections.size === 0) this.options.onEmpty(this);
  }

  /** Writes every accepted update to the log; resolves once they are stored. */
  flush(): Promise<void> {
    return this.options.writer.flush();
  }

  /** Called by the writer once entries of this document are committed. */
  stored(entries: LogEntry[]): void {
    for (const { update, authorId } of entries) this.#tell({ kind: 'update', authorId, update });
    this.#sinceSnapshot += entries.length;
    if (this.#closed) return;
    this.#projection?.request();
    if (this.#sinceSnapshot >= this.options.compactEvery) void this.#compact();
  }

  /** Stops taking connections, stores everything, writes a snapshot, frees the document. */
  async close(): Promise<void> {
    this.#closed = true;
    const present = this.#presentClientIds();
    if (present.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, present, LEFT);
    }
    this.#broadcaster.stop();
    for (const connection of this.#connections.keys()) {
      connection.close(CloseCode.GoingAway, 'Server is restarting');
    }
    this.#connections.clear();
    try {
      await this.flush();
      await this.#compacting;
      if (this.#sinceSnapshot > 0) await this.#compact();
    } finally {
      await this.#stopHearingPeers?.();
      // Always a last projection, so what SQL says matches what the clients last saw.
      await this.#projection?.stop();
    }
    this.awareness.destroy();
    this.doc.destroy();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Applies an update from a connection or another process and, when the document took
   * anything from it, passes on the bytes as they came (`frame`, if already framed): having
   * Yjs encode the change again would cost about as much as applying it.
   */
  #accept(
    update: Uint8Array,
    origin: Connection | typeof FROM_PEER,
    frame: Uint8Array | null,
  ): void {
    if (!applyTaken(this.doc, update, origin)) return;
    this.#broadcaster.update(frame ?? syncFrame(SyncType.Update, update), origin);
    if (origin === FROM_PEER) {
      // Logged by the process that took it; this one's projection must still catch up.
      this.#projection?.request();
      return;
    }
    this.options.writer.add(this, { update, authorId: origin.userId });
  }

  #onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const owned = this.#connections.get(origin as Connection);
    if (owned) {
      for (const id of added) owned.add(id);
      for (const id of removed) owned.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    this.#broadcaster.presence(changed, origin);
    // Only presence this process speaks for: not peers' echoes, nor its own timeouts of theirs.
    if (this.options.peers && (owned || origin === LEFT)) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      this.#tell({ kind: 'awareness', update });
    }
  };

  /** Publishes to the other processes, if any. */
  #tell(message: DistributiveOmit<PeerMessage, 'from'>): void {
    const peers = this.options.peers;
    if (!peers) return;
    peers.publish(
      this.name,
      encodePeerMessage({ ...message, from: peers.processId } as PeerMessage),
    );
  }

  /** Handles what another process published about this document. */
  #hear(data: Uint8Array): void {
    if (this.#peerBacklog) {
      this.#peerBacklog.push(data);
      return;
    }
    if (this.#closed) return;
    const message = decodePeerMessage(data);
    if (!message || message.from === this.options.peers?.processId) return;
    try {
      switch (message.kind) {
        case 'update':
          this.#accept(message.update, FROM_PEER, null);
          break;
        case 'answer':
          if (message.to === this.options.peers?.processId) {
            this.#accept(message.update, FROM_PEER, null);
          }
          break;
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_PEER);
          break;
        case 'hello': {
          const update = Y.encodeStateAsUpdate(this.doc, message.stateVector);
          this.#tell({ kind: 'answer', to: message.from, update });
          const present = this.#presentClientIds();
          if (present.length > 0) {
            const presence = awarenessProtocol.encodeAwarenessUpdate(this.awareness, present);
            this.#tell({ kind: 'awareness', update: presence });
          }
          break;
        }
      }
    } catch (error) {
      this.options.log(`room ${this.name} ignored an undecodable peer message: ${String(error)}`);
    }
  }

  #drop(connection: Connection, type: 'sync-step2' | 'sync-update', update: Uint8Array): void {
    this.droppedUpdates++;
    // Every reader answers the handshake with a step 2; only one carrying content is worth naming.
    if (this.#loggedReaders.has(connection) || !carriesChanges(type, update)) return;
    this.#loggedReaders.add(connection);
    const who = connection.access === 'read' ? 'read-only' : 'part-only';
    this.options.log(`dropped updates from ${who} connection ${connection.userId} on ${this.name}`);
  }

  async #project(project: Projector): Promise<void> {
    try {
      await project(this.doc);
    } catch (error) {
      // The log and the snapshot are the truth; a stale projection is mended by the next one.
      this.options.log(`room ${this.name} could not update its projection: ${String(error)}`);
    }
  }

  /** The awareness client ids of this process's own connections. */
  #presentClientIds(): number[] {
    return [...this.#connections.values()].flatMap((ids) => [...ids]);
  }

  #awarenessFrame(clientIds: number[]): Uint8Array {
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds);
    return frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update));
  }

  /** Folds the log into a snapshot, one compaction at a time; a failure waits for the next. */
  #compact(): Promise<void> {
    this.#compacting ??= (async () => {
      const counted = this.#sinceSnapshot;
      try {
        await this.store.compact(this.name);
        this.#sinceSnapshot -= counted;
      } catch (error) {
        this.options.log(`room ${this.name} could not write a snapshot: ${String(error)}`);
      } finally {
        this.#compacting = null;
      }
    })();
    return this.#compacting;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Applies an update in a transaction of its own, and says whether the document took anything
 * from it: content, deletions, or parts Yjs holds until what they build on arrives. A
 * duplicate, or a handshake's empty step 2, takes nothing.
 */
function applyTaken(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  let transaction!: Y.Transaction;
  Y.transact(
    doc,
    (tr) => {
      transaction = tr;
      Y.applyUpdate(doc, update, origin);
    },
    origin,
    false,
  );
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
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

import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, presenceColour, type PresenceUser } from '@careweave/shared';
import type { Connection } from './connection.js';
import { LogWriter } from './log-writer.js';
import { Room, type RoomOptions } from './room.js';
import type { Peers } from './peers.js';
import type { DocumentStore } from './store.js';

/**
 * An in-memory y-websocket client joined straight to a room, speaking the real protocol
 * through y-protocols, with no socket in between.
 */
export class TestPeer implements Connection {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  closed: { code: number; reason: string } | null = null;
  readonly presence: PresenceUser;

  constructor(
    readonly userId: string,
    readonly access: 'read' | 'write',
    private readonly room: Room,
  ) {
    this.presence = { id: userId, name: userId, role: 'nurse', colour: presenceColour(userId) };
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this)
        this.sendToRoom(MessageType.Sync, (e) => syncProtocol.writeUpdate(e, update));
    });
  }

  join(): this {
    this.room.join(this);
    this.sendToRoom(MessageType.Sync, (e) => syncProtocol.writeSyncStep1(e, this.doc));
    return this;
  }

  setPresence(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    this.sendToRoom(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update));
  }

  sendRaw(bytes: Uint8Array): void {
    this.room.receive(this, bytes);
  }

  sendAll(messages: readonly Uint8Array[]): void {
    for (const message of messages) this.send(message);
  }

  send(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.Sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.room.receive(this, encoding.toUint8Array(reply));
    } else if (type === MessageType.Awareness) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        this,
      );
    }
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.room.leave(this);
  }

  private sendToRoom(type: number, write: (e: encoding.Encoder) => void): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, type);
    write(e);
    this.room.receive(this, encoding.toUint8Array(e));
  }
}

export type TestRoomOptions = Partial<Omit<RoomOptions, 'writer'>> & { batchMs?: number };

/** A room on `store` with its own log writer, as the process would give it. */
export function loadTestRoom(
  name: string,
  store: DocumentStore,
  { batchMs = 1, ...overrides }: TestRoomOptions = {},
): Promise<Room> {
  const log = overrides.log ?? (() => {});
  return Room.load(name, store, {
    writer: new LogWriter(store, { batchMs, log }),
    compactEvery: 1000,
    onEmpty: () => {},
    log,
    ...overrides,
  });
}

/** Pub/sub in memory standing in for Redis: each `join()` is one server process. */
export class MemoryBus {
  readonly #channels = new Map<string, Set<(data: Uint8Array) => void>>();
  readonly #accessHearers: { processId: string; hear: () => void }[] = [];
  /** Every message published, by document, for assertions. */
  readonly published: { documentName: string; data: Uint8Array }[] = [];

  join(processId: string): Peers {
    return {
      processId,
      subscribe: async (documentName, hear) => {
        const hearers = this.#channels.get(documentName) ?? new Set();
        this.#channels.set(documentName, hearers);
        hearers.add(hear);
        return async () => void hearers.delete(hear);
      },
      publish: (documentName, data) => {
        this.published.push({ documentName, data });
        // Like Redis, every subscriber hears it later, the publisher included.
        for (const hear of this.#channels.get(documentName) ?? []) setTimeout(() => hear(data), 0);
      },
      announceAccessChange: () => {
        for (const other of this.#accessHearers)
          if (other.processId !== processId) setTimeout(other.hear, 0);
      },
      onAccessChange: (hear) => void this.#accessHearers.push({ processId, hear }),
      close: async () => {},
    };
  }
}

/** Long enough for a room's coalesced broadcasts, presence included, to reach every peer. */
export function delivered(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 60));
}

import * as Y from 'yjs';
import type { Connection } from './connection.js';

export interface BroadcasterOptions {
  /** The connections to send to, at the moment of sending. */
  connections(): Iterable<Connection>;
  /** One framed sync-update message for a (merged) document update. */
  updateFrame(update: Uint8Array): Uint8Array;
  /** One framed awareness message carrying the current state of these clients. */
  presenceFrame(clientIds: number[]): Uint8Array;
  /** Presence changes within this many milliseconds go out as one message. */
  presenceWindowMs: number;
}

/**
 * Sends a room's changes to its connections, coalesced so that the cost follows the room's
 * size rather than its size squared: document updates arriving in one turn of the event loop
 * go out as one merged frame, presence changes at most once per window. A frame is encoded
 * once and the same bytes are written to every socket. Each sender is spared its own change
 * when it is the only one in the frame; otherwise it gets its own back, which Yjs and the
 * awareness protocol ignore.
 */
export class Broadcaster {
  #updates: Uint8Array[] = [];
  readonly #updateOrigins = new Set<unknown>();
  #updateTurn: NodeJS.Immediate | null = null;
  readonly #presence = new Set<number>();
  readonly #presenceOrigins = new Set<unknown>();
  #presenceTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(private readonly options: BroadcasterOptions) {}

  update(update: Uint8Array, origin: unknown): void {
    if (this.#stopped) return;
    this.#updates.push(update);
    this.#updateOrigins.add(origin);
    this.#updateTurn ??= setImmediate(() => this.#sendUpdates());
  }

  presence(clientIds: number[], origin: unknown): void {
    if (this.#stopped) return;
    for (const id of clientIds) this.#presence.add(id);
    this.#presenceOrigins.add(origin);
    this.#presenceTimer ??= setTimeout(() => this.#sendPresence(), this.options.presenceWindowMs);
  }

  /** Sends whatever is waiting now, e.g. before the connections close. */
  flush(): void {
    if (this.#updateTurn) {
      clearImmediate(this.#updateTurn);
      this.#sendUpdates();
    }
    if (this.#presenceTimer) {
      clearTimeout(this.#presenceTimer);
      this.#sendPresence();
    }
  }

  /** Sends what waits, then nothing more: the room is closing and its document goes soon. */
  stop(): void {
    this.flush();
    this.#stopped = true;
  }

  #sendUpdates(): void {
    this.#updateTurn = null;
    const updates = this.#updates;
    this.#updates = [];
    const frame = this.options.updateFrame(
      updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
    );
    this.#send(frame, this.#updateOrigins);
  }

  #sendPresence(): void {
    this.#presenceTimer = null;
    const frame = this.options.presenceFrame([...this.#presence]);
    this.#presence.clear();
    this.#send(frame, this.#presenceOrigins);
  }

  #send(frame: Uint8Array, origins: Set<unknown>): void {
    const sole = origins.size === 1 ? origins.values().next().value : undefined;
    origins.clear();
    for (const connection of this.options.connections()) {
      if (connection !== sole) connection.send(frame);
    }
  }
}

import type { Connection } from './connection.js';

export interface BroadcasterOptions {
  /** The connections to send to, at the moment of sending. */
  connections(): Iterable<Connection>;
  /** One framed sync-update message for a document update. */
  updateFrame(update: Uint8Array): Uint8Array;
  /** One framed awareness message carrying the current state of these clients. */
  presenceFrame(clientIds: number[]): Uint8Array;
  /** Presence changes within this many milliseconds go out as one message. */
  presenceWindowMs: number;
}

/**
 * Sends a room's changes to its connections, coalesced so that the cost follows the room's
 * size rather than its size squared: document updates arriving in one turn of the event loop
 * reach each connection in one write, without its own; presence changes go out at most once
 * per window, as one message (its sender is spared it when it is the only one). A message is
 * encoded once and the same bytes are written to every socket.
 */
export class Broadcaster {
  #updates: { update: Uint8Array; origin: unknown }[] = [];
  #updateTurn: NodeJS.Immediate | null = null;
  readonly #presence = new Set<number>();
  readonly #presenceOrigins = new Set<unknown>();
  #presenceTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(private readonly options: BroadcasterOptions) {}

  update(update: Uint8Array, origin: unknown): void {
    if (this.#stopped) return;
    this.#updates.push({ update, origin });
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
    const messages = updates.map(({ update }) => this.options.updateFrame(update));
    if (messages.length === 1) {
      const origin = updates[0]!.origin;
      for (const connection of this.options.connections()) {
        if (connection !== origin) connection.send(messages[0]!);
      }
      return;
    }
    const origins = new Set(updates.map(({ origin }) => origin));
    for (const connection of this.options.connections()) {
      if (!origins.has(connection)) {
        connection.sendAll(messages);
        continue;
      }
      const others = messages.filter((_, i) => updates[i]!.origin !== connection);
      if (others.length > 0) connection.sendAll(others);
    }
  }

  #sendPresence(): void {
    this.#presenceTimer = null;
    const frame = this.options.presenceFrame([...this.#presence]);
    this.#presence.clear();
    const sole = this.#presenceOrigins.size === 1 ? [...this.#presenceOrigins][0] : undefined;
    this.#presenceOrigins.clear();
    for (const connection of this.options.connections()) {
      if (connection !== sole) connection.send(frame);
    }
  }
}

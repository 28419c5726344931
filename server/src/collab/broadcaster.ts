import type { Connection } from './connection.js';

export interface BroadcasterOptions {
  /** The connections to send to, at the moment of sending. */
  connections(): Iterable<Connection>;
  /** One framed awareness message carrying the current state of these clients. */
  presenceFrame(clientIds: number[]): Uint8Array;
  /** Presence changes within this many milliseconds go out as one message (read per window). */
  presenceWindowMs(): number;
}

/**
 * Sends a room's changes to its connections, coalesced so that the cost follows the room's
 * size rather than its size squared: document updates go out at the end of the event loop's
 * turn, those of one turn reaching each connection in one write, without its own. No edit
 * waits on a timer, and a busier process has longer turns, so each write carries more just when
 * that counts. Presence changes go out at most once per window, as one message (its sender is
 * spared it when it is the only one), and presence waiting when updates are sent rides in the
 * same write: with carets moving the window is almost always open, and a second write would
 * cost as much as the first. A message is encoded once and the same bytes are written to every
 * socket.
 */
export class Broadcaster {
  #updates: { frame: Uint8Array; origin: unknown }[] = [];
  #updateTurn: NodeJS.Immediate | null = null;
  readonly #presence = new Set<number>();
  readonly #presenceOrigins = new Set<unknown>();
  #presenceTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(private readonly options: BroadcasterOptions) {}

  /** Queues one framed sync-update message, from `origin`, for the end of this turn. */
  update(frame: Uint8Array, origin: unknown): void {
    if (this.#stopped) return;
    this.#updates.push({ frame, origin });
    this.#updateTurn ??= setImmediate(() => this.flush());
  }

  presence(clientIds: number[], origin: unknown): void {
    if (this.#stopped) return;
    for (const id of clientIds) this.#presence.add(id);
    this.#presenceOrigins.add(origin);
    this.#presenceTimer ??= setTimeout(() => this.flush(), this.options.presenceWindowMs());
  }

  /** Sends whatever is waiting now, e.g. before the connections close. */
  flush(): void {
    if (this.#updateTurn) clearImmediate(this.#updateTurn);
    if (this.#presenceTimer) clearTimeout(this.#presenceTimer);
    this.#updateTurn = null;
    this.#presenceTimer = null;
    const updates = this.#updates;
    this.#updates = [];
    const messages = updates.map(({ frame }) => frame);
    const origins = new Set(updates.map(({ origin }) => origin));
    let presenceFrom: unknown = NOBODY;
    if (this.#presence.size > 0) {
      messages.push(this.options.presenceFrame([...this.#presence]));
      presenceFrom = this.#presenceOrigins.size === 1 ? [...this.#presenceOrigins][0] : NOBODY;
      this.#presence.clear();
      this.#presenceOrigins.clear();
    }
    if (messages.length === 0) return;
    for (const connection of this.options.connections()) {
      if (!origins.has(connection) && connection !== presenceFrom) {
        send(connection, messages);
        continue;
      }
      // Its own updates, and presence it alone changed, are what it already has.
      const others = messages.filter((_, i) =>
        i < updates.length ? updates[i]!.origin !== connection : connection !== presenceFrom,
      );
      send(connection, others);
    }
  }

  /** Sends what waits, then nothing more: the room is closing and its document goes soon. */
  stop(): void {
    this.flush();
    this.#stopped = true;
  }
}

/** No connection: presence from several, or from the server itself. */
const NOBODY = Symbol('nobody');

/** One message as itself, so every socket shares its framing; several in one write. */
function send(connection: Connection, messages: readonly Uint8Array[]): void {
  if (messages.length === 1) connection.send(messages[0]!);
  else if (messages.length > 1) connection.sendAll(messages);
}

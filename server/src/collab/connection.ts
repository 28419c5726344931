import type * as Y from 'yjs';
import type { Access, LimitedUpdate, PresenceUser } from '@careweave/shared';

/** One client's socket as a room sees it; the transport adapts a real WebSocket to this. */
export interface Connection {
  /** Who is typing: every update this connection sends is logged under this user. */
  readonly userId: string;
  /** `read` connections receive everything and may send nothing that changes the document. */
  readonly access: Exclude<Access, 'none'>;
  /** For a `write` connection that may change only part of the document: checks an update. */
  readonly limit?: (doc: Y.Doc, update: Uint8Array) => LimitedUpdate;
  /** The identity stamped on this connection's presence, whatever the client claims. */
  readonly presence: PresenceUser;
  send(message: Uint8Array): void;
  /**
   * Sends several messages, in order, in one write; a broadcast hands every socket the same
   * array.
   */
  sendAll(messages: readonly Uint8Array[]): void;
  close(code: number, reason: string): void;
}

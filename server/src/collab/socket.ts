import type { WSContext, WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CloseCode, withinSizeLimit, type Access, type PresenceUser } from '@careweave/shared';
import type { Connection } from './connection.js';
import type { Room } from './room.js';
import type { Rooms } from './rooms.js';

/** Who is connecting and what they may do, decided before the socket opens. */
export type Admission =
  | {
      ok: true;
      user: PresenceUser;
      access: Exclude<Access, 'none'>;
      /** Whether the session that opened the socket still holds (signed out, expired?). */
      stillSignedIn(): Promise<boolean>;
    }
  | { ok: false; code: number; reason: string };

/**
 * Adapts one WebSocket to a room: refuses it with a close code, or joins it and forwards
 * messages. Messages that arrive while the room loads wait in order.
 */
export function socketEvents(
  rooms: Rooms,
  documentName: string,
  admission: Admission,
  maxMessageBytes: number,
  /** How often to ping the client and re-check its session. */
  heartbeatMs: number,
): WSEvents<WebSocket> {
  if (!admission.ok) {
    return { onOpen: (_event, ws) => ws.close(admission.code, admission.reason) };
  }
  let room: Room | null = null;
  let queued: Uint8Array[] | null = [];
  let connection: Connection;
  let heartbeat: NodeJS.Timeout | undefined;

  const deliver = (data: Uint8Array) => {
    if (room) room.receive(connection, data);
    else queued?.push(data);
  };

  return {
    onOpen(_event, ws: WSContext<WebSocket>) {
      const raw = ws.raw!;
      connection = {
        userId: admission.user.id,
        access: admission.access,
        presence: admission.user,
        send: (message) => raw.send(message),
        close: (code, reason) => raw.close(code, reason),
      };
      let alive = true;
      raw.on('pong', () => (alive = true));
      heartbeat = setInterval(() => {
        if (!alive) return raw.terminate();
        alive = false;
        raw.ping();
        void admission.stillSignedIn().then((valid) => {
          if (!valid) raw.close(CloseCode.Unauthorized, 'Your session has ended: sign in again');
        });
      }, heartbeatMs);

      rooms.join(documentName, connection).then(
        (joined) => {
          if (raw.readyState !== raw.OPEN) return joined.leave(connection);
          room = joined;
          for (const data of queued ?? []) joined.receive(connection, data);
          queued = null;
        },
        () => raw.close(1011, 'This document could not be opened; try again shortly'),
      );
    },

    onMessage(event, ws) {
      const data = event.data;
      if (typeof data === 'string') {
        ws.close(CloseCode.Malformed, 'Malformed message: text frames are not used');
        return;
      }
      const bytes = new Uint8Array(data as ArrayBuffer);
      if (!withinSizeLimit(bytes.byteLength, maxMessageBytes)) {
        ws.close(CloseCode.TooLarge, `Message over ${maxMessageBytes} bytes`);
        return;
      }
      deliver(bytes);
    },

    onClose() {
      clearInterval(heartbeat);
      queued = null;
      room?.leave(connection);
    },
  };
}

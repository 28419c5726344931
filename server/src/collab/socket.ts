import type { Socket } from 'node:net';
import type { WSContext, WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import {
  CloseCode,
  binaryFrame,
  largestDeclaredLength,
  readClientBinaryFrames,
  withinSizeLimit,
  type Access,
  type PresenceUser,
} from '@careweave/shared';
import type { Connection } from './connection.js';
import type { Room } from './room.js';
import type { Rooms } from './rooms.js';
import type { Lapse } from './session-watch.js';

/** Who is connecting and what they may do, decided before the socket opens. */
export type Admission =
  | {
      ok: true;
      user: PresenceUser;
      access: Exclude<Access, 'none'>;
      /** Set when a writer may change only part of the document (see Connection). */
      limit?: Connection['limit'];
      /**
       * Calls `lapsed` once what let the socket in no longer holds: the session that opened it
       * (signed out elsewhere, expired), or the access it was given (consent to share
       * withdrawn, a team or role changed). Returns the way to stop watching.
       */
      watch(lapsed: (why: Lapse) => void): () => void;
    }
  | { ok: false; code: number; reason: string };

/**
 * A broadcast hands the same message (or the same array of them) to every connection of a
 * room in turn, so the last framing is kept: the room's other sockets get the same bytes
 * without framing them again.
 */
let lastSent: Uint8Array | readonly Uint8Array[] | null = null;
let lastFrames: Uint8Array = new Uint8Array(0);

function framed(sent: Uint8Array | readonly Uint8Array[]): Uint8Array {
  if (sent !== lastSent) {
    lastFrames =
      sent instanceof Uint8Array ? binaryFrame(sent) : Buffer.concat(sent.map(binaryFrame));
    lastSent = sent;
  }
  return lastFrames;
}

/**
 * Writes binary messages straight to the socket under a WebSocket, framed, in one write: the
 * sender in ws would copy a header and the payload into a two-buffer write for every message
 * and socket. Without per-message compression (the server does not offer it) ws writes
 * synchronously too, so what it sends itself (pings, the close frame) keeps its order.
 */
function sendBinary(ws: WebSocket, sent: Uint8Array | readonly Uint8Array[]): void {
  if (ws.readyState !== ws.OPEN) return;
  const socket = (ws as unknown as { _socket: Socket })._socket;
  if (socket.writable) socket.write(framed(sent));
}

/** The parts of ws's frame reader that say whether it is between frames with nothing held. */
interface WsReceiver {
  write(chunk: Buffer): boolean;
  writableLength: number;
  _state: number;
  _bufferedBytes: number;
  _fragmented: number;
  _errored: boolean;
}

/**
 * Reads the common chunk (whole binary frames, nothing else) before ws does, which would take
 * each message through a stream write, its frame state machine and an event. Whenever ws's
 * reader is mid-frame or the chunk holds anything else, ws reads it as usual, so pings,
 * closes, fragments and protocol errors keep ws's handling and every message its order. A
 * frame that declares more than `maxMessageBytes` is refused from its header (`tooLarge`) and the
 * connection ended, however much more the client means to send.
 */
function readFramesFirst(
  ws: WebSocket,
  maxMessageBytes: number,
  onMessage: (data: Uint8Array) => void,
  tooLarge: () => void,
): void {
  const receiver = (ws as unknown as { _receiver: WsReceiver })._receiver;
  if (typeof receiver?._state !== 'number') return;
  const write = receiver.write.bind(receiver);
  let refused = false;
  receiver.write = (chunk: Buffer) => {
    if (refused) return true;
    const idle =
      receiver._state === 0 &&
      receiver._bufferedBytes === 0 &&
      receiver._fragmented === 0 &&
      receiver.writableLength === 0 &&
      !receiver._errored &&
      ws.readyState === ws.OPEN;
    const messages = idle ? readClientBinaryFrames(chunk) : null;
    if (idle && !messages && largestDeclaredLength(chunk) > maxMessageBytes) {
      refused = true;
      tooLarge();
      // The close frame is on its way; what follows it is not wanted, nor the client's reply.
      (ws as unknown as { _socket: Socket })._socket.end();
      return true;
    }
    if (!messages) return write(chunk);
    for (const message of messages) {
      if (ws.readyState !== ws.OPEN) break;
      onMessage(message);
    }
    return true;
  };
}

/**
 * Adapts one WebSocket to a room: refuses it with a close code, or joins it and forwards
 * messages. Messages that arrive while the room loads wait in order. Messages are read from
 * the ws socket itself (Hono's adapter would copy each into a new ArrayBuffer first), and
 * whole binary frames straight from the TCP chunk (`readFramesFirst`).
 */
export function socketEvents(
  rooms: Rooms,
  documentName: string,
  admission: Admission,
  maxMessageBytes: number,
  /** How often to ping the client (a socket that misses a pong is dropped). */
  heartbeatMs: number,
): WSEvents<WebSocket> {
  if (!admission.ok) {
    return { onOpen: (_event, ws) => ws.close(admission.code, admission.reason) };
  }
  let room: Room | null = null;
  let queued: Uint8Array[] | null = [];
  let queuedBytes = 0;
  let connection: Connection;
  let heartbeat: NodeJS.Timeout | undefined;
  let stopWatching: (() => void) | undefined;

  return {
    onOpen(_event, ws: WSContext<WebSocket>) {
      const raw = ws.raw!;
      connection = {
        userId: admission.user.id,
        access: admission.access,
        limit: admission.limit,
        presence: admission.user,
        send: (message) => sendBinary(raw, message),
        sendAll: (messages) => sendBinary(raw, messages),
        close: (code, reason) => raw.close(code, reason),
      };
      const tooLarge = () => raw.close(CloseCode.TooLarge, `Message over ${maxMessageBytes} bytes`);
      const deliver = (data: Uint8Array) => {
        if (room) return room.receive(connection, data);
        // What waits for the document to load is held to one message's limit in all.
        queuedBytes += data.byteLength;
        if (queuedBytes > maxMessageBytes) {
          queued = null;
          return raw.close(CloseCode.TooLarge, 'Too much sent before the document opened');
        }
        queued?.push(data);
      };
      const onBinary = (data: Uint8Array) => {
        if (!withinSizeLimit(data.byteLength, maxMessageBytes)) return tooLarge();
        deliver(data);
      };
      raw.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) return onBinary(data);
        raw.close(CloseCode.Malformed, 'Malformed message: text frames are not used');
      });
      readFramesFirst(raw, maxMessageBytes, onBinary, tooLarge);
      let alive = true;
      raw.on('pong', () => (alive = true));
      heartbeat = setInterval(() => {
        if (!alive) return raw.terminate();
        alive = false;
        raw.ping();
      }, heartbeatMs);
      stopWatching = admission.watch((why) =>
        why === 'session'
          ? raw.close(CloseCode.Unauthorized, 'Your session has ended: sign in again')
          : raw.close(CloseCode.Forbidden, 'Your access to this document has changed'),
      );

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

    onClose() {
      clearInterval(heartbeat);
      stopWatching?.();
      queued = null;
      room?.leave(connection);
    },
  };
}

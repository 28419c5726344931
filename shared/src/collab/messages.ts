import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The y-websocket framing (y-protocols PROTOCOL.md):
 *   message      := varUint(type) • body
 *   sync (0)     := varUint(0 step1 | 1 step2 | 2 update) • varByteArray(payload)
 *   awareness(1) := varByteArray(awarenessUpdate)
 *   auth (2)     := varUint(0 denied) • varString(reason)
 *   query (3)    := ε
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

/** A framed client message, checked for shape; payloads are views into the input. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; reason: string };

const SYNC_TYPES = ['sync-step1', 'sync-step2', 'sync-update'] as const;

/**
 * Checks one binary message's framing without touching any document. The payload is not
 * decoded here: Yjs rejects a corrupt update when it is applied.
 */
export function parseClientMessage(data: Uint8Array): ParseResult {
  if (data.byteLength === 0) return { ok: false, reason: 'empty message' };
  const decoder = decoding.createDecoder(data);
  try {
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MessageType.Sync: {
        const syncType = decoding.readVarUint(decoder);
        const name = SYNC_TYPES[syncType];
        if (!name) return { ok: false, reason: `unknown sync step ${syncType}` };
        const payload = decoding.readVarUint8Array(decoder);
        message =
          name === 'sync-step1'
            ? { type: name, stateVector: payload }
            : { type: name, update: payload };
        break;
      }
      case MessageType.Awareness:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MessageType.QueryAwareness:
        message = { type: 'query-awareness' };
        break;
      default:
        return { ok: false, reason: `unknown message type ${type}` };
    }
    if (decoding.hasContent(decoder)) return { ok: false, reason: 'trailing bytes' };
    return { ok: true, message };
  } catch {
    return { ok: false, reason: 'truncated message' };
  }
}

/** Whether a message of this many bytes may be accepted. */
export function withinSizeLimit(byteLength: number, limit: number): boolean {
  return byteLength <= limit;
}

/** A sync step 1: asks the other side for whatever it holds beyond `stateVector`. */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncType.Step1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Whether a message is a sync step 2, the answer to a step 1 (both types are one byte). */
export function isSyncStep2(message: Uint8Array): boolean {
  return message[0] === MessageType.Sync && message[1] === SyncType.Step2;
}

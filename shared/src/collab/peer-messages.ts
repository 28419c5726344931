import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What server processes tell each other about one document over Redis pub/sub:
 *   message   := varUint(kind) • varString(from) • body
 *   update    := varString(authorId or "") • varByteArray(update)      already in the log
 *   awareness := varByteArray(awarenessUpdate)
 *   hello     := varByteArray(stateVector)        a process has just loaded the document
 *   answer    := varString(to) • varByteArray(update)   what `to` lacked, from its state vector
 * `from` names the sending process, so nobody applies its own messages twice.
 */
export type PeerMessage =
  | { kind: 'update'; from: string; authorId: string | null; update: Uint8Array }
  | { kind: 'awareness'; from: string; update: Uint8Array }
  | { kind: 'hello'; from: string; stateVector: Uint8Array }
  | { kind: 'answer'; from: string; to: string; update: Uint8Array };

const Kind = { update: 0, awareness: 1, hello: 2, answer: 3 } as const;

export function encodePeerMessage(message: PeerMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, Kind[message.kind]);
  encoding.writeVarString(e, message.from);
  switch (message.kind) {
    case 'update':
      encoding.writeVarString(e, message.authorId ?? '');
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'hello':
      encoding.writeVarUint8Array(e, message.stateVector);
      break;
    case 'answer':
      encoding.writeVarString(e, message.to);
      encoding.writeVarUint8Array(e, message.update);
      break;
  }
  return encoding.toUint8Array(e);
}

/** Reads a peer message; null for anything malformed (a foreign publisher, a newer version). */
export function decodePeerMessage(data: Uint8Array): PeerMessage | null {
  try {
    const d = decoding.createDecoder(data);
    const kind = decoding.readVarUint(d);
    const from = decoding.readVarString(d);
    let message: PeerMessage;
    switch (kind) {
      case Kind.update: {
        const authorId = decoding.readVarString(d) || null;
        message = { kind: 'update', from, authorId, update: decoding.readVarUint8Array(d) };
        break;
      }
      case Kind.awareness:
        message = { kind: 'awareness', from, update: decoding.readVarUint8Array(d) };
        break;
      case Kind.hello:
        message = { kind: 'hello', from, stateVector: decoding.readVarUint8Array(d) };
        break;
      case Kind.answer: {
        const to = decoding.readVarString(d);
        message = { kind: 'answer', from, to, update: decoding.readVarUint8Array(d) };
        break;
      }
      default:
        return null;
    }
    return decoding.hasContent(d) ? null : message;
  } catch {
    return null;
  }
}

/**
 * The y-websocket protocol as the load generator speaks it (y-protocols `sync.js`,
 * `awareness.js`), written by hand so that a sender builds each frame with one encoder:
 *
 *   message     := prefix • varUint(messageType) • body
 *   prefix      := ε                        (y-websocket, Careweave)
 *                | varString(documentName)  (Hocuspocus: every frame names its document)
 *   syncStep1   := varUint(0) • varUint(0) • varByteArray(stateVector)
 *   syncStep2   := varUint(0) • varUint(1) • varByteArray(update)
 *   syncUpdate  := varUint(0) • varUint(2) • varByteArray(update)
 *   awareness   := varUint(1) • varByteArray(varUint(n) • n × (varUint(clientId) •
 *                  varUint(clock) • varString(json state)))
 *   auth        := varUint(2) • varUint(0) • varString(token)   (Hocuspocus only)
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** The bytes every frame of one document starts with: none, or its name for Hocuspocus. */
export function framePrefix(documentName: string, named: boolean): Uint8Array {
  if (!named) return new Uint8Array(0);
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  return encoding.toUint8Array(encoder);
}

function start(prefix: Uint8Array, type: number): encoding.Encoder {
  const encoder = encoding.createEncoder();
  encoding.writeUint8Array(encoder, prefix);
  encoding.writeVarUint(encoder, type);
  return encoder;
}

/** A sync frame: step 1 (a state vector), step 2 or an update (a Yjs update). */
export function syncMessage(prefix: Uint8Array, syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = start(prefix, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An awareness frame carrying one client's state, already serialised as JSON. */
export function awarenessMessage(
  prefix: Uint8Array,
  clientId: number,
  clock: number,
  stateJson: string,
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, stateJson);
  const encoder = start(prefix, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** Hocuspocus's authentication frame; with no onAuthenticate hook any token is accepted. */
export function authMessage(prefix: Uint8Array, token: string): Uint8Array {
  const encoder = start(prefix, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** A received frame, its prefix skipped: the message type and a decoder at its body. */
export interface Incoming {
  type: number;
  decoder: decoding.Decoder;
}

/** Reads a frame's type after a prefix of known length. */
export function readIncoming(data: Uint8Array, prefixLength: number): Incoming {
  const decoder = decoding.createDecoder(data);
  decoder.pos = prefixLength;
  return { type: decoding.readVarUint(decoder), decoder };
}

/** One state of an awareness update: whose, which clock, and its JSON (null when removed). */
export interface AwarenessState {
  clientId: number;
  clock: number;
  json: string;
}

/** Splits an awareness frame's body into its states. */
export function readAwareness(decoder: decoding.Decoder): AwarenessState[] {
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(update);
  const states: AwarenessState[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    states.push({ clientId, clock, json: decoding.readVarString(update) });
  }
  return states;
}

/** An empty state vector and an empty update: what a client with no content of its own sends. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** Yjs's content reference for `ContentAny`, and the info bit saying an item has a left origin. */
const CONTENT_ANY = 8;
const HAS_ORIGIN = 0x80;

/**
 * Encodes one client's appends to a top-level Y.Array as Yjs v1 updates, without a Y.Doc:
 * each append is one item after the client's previous one (which every peer already has).
 *
 *   update := varUint(1) • varUint(1) • varUint(client) • varUint(clock) • item • varUint(0)
 *   item   := uint8(ContentAny) • varUint(1) • varString(arrayName) • varUint(1) • any(value)
 *                                                                   (the first: no origin)
 *           | uint8(ContentAny | 0x80) • varUint(client) • varUint(clock − 1) • varUint(1) •
 *             any(value)                                            (then: after the last)
 */
export class ArrayAppender {
  #clock = 0;

  constructor(
    readonly clientId: number,
    readonly arrayName: string,
  ) {}

  /** The sync update frame appending `value`. */
  append(prefix: Uint8Array, value: number[]): Uint8Array {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, this.clientId);
    encoding.writeVarUint(update, this.#clock);
    if (this.#clock === 0) {
      encoding.writeUint8(update, CONTENT_ANY);
      encoding.writeVarUint(update, 1);
      encoding.writeVarString(update, this.arrayName);
    } else {
      encoding.writeUint8(update, CONTENT_ANY | HAS_ORIGIN);
      encoding.writeVarUint(update, this.clientId);
      encoding.writeVarUint(update, this.#clock - 1);
    }
    encoding.writeVarUint(update, 1);
    encoding.writeAny(update, value);
    encoding.writeVarUint(update, 0);
    this.#clock++;
    return syncMessage(prefix, SYNC_UPDATE, encoding.toUint8Array(update));
  }
}

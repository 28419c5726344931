import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
  ArrayAppender,
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  authMessage,
  awarenessMessage,
  framePrefix,
  readAwareness,
  readIncoming,
  syncMessage,
} from '../protocol.js';
import { BareSocket } from './bare-socket.js';
import type { Recorder } from './recorder.js';

export interface ClientSpec {
  wsUrl: string;
  documentName: string;
  /** Hocuspocus framing: every frame carries the document name and auth comes first. */
  named: boolean;
  headers: Record<string, string>;
  /** Unique across the run; it is what edits carry to say who typed them. */
  index: number;
  /**
   * An observer holds the whole document, applies everything and times every edit of the
   * others; a sender only writes its own edits, and counts but ignores what it receives.
   */
  observer: boolean;
}

/** The edit a client types: `[clientIndex, editSeq, sentAt]` pushed onto the 'bench' array. */
type Edit = [number, number, number];

const ARRAY = 'bench';
const REMOTE = Symbol('from the server');
const CONNECT_TIMEOUT_MS = 30_000;

/** One simulated user with one socket. */
export class LoadClient {
  /** Observers only: the whole document as the server sends it. */
  readonly #doc: Y.Doc | null;
  /** Senders only: their edits, encoded without a document. */
  readonly #appender: ArrayAppender | null;
  readonly #clientId: number;
  readonly #prefix: Uint8Array;
  #socket: BareSocket | null = null;
  #seq = 0;
  #caretClock = 0;
  #arrival = 0;
  #closing = false;
  /** In-window edits this observer has seen, to count each (edit, observer) pair once. */
  readonly #seen = new Set<number>();
  /** Connected and (for an observer) synced. */
  ready = false;
  /** Edits this client sent whose stamp fell in the measured window. */
  editsInWindow = 0;
  caretsInWindow = 0;

  constructor(
    readonly spec: ClientSpec,
    private readonly recorder: Recorder,
  ) {
    this.#prefix = framePrefix(spec.documentName, spec.named);
    if (spec.observer) {
      // No standing 'update' listener: with one, Yjs would encode every remote transaction.
      const doc = new Y.Doc();
      doc.on('afterTransaction', this.#onTransaction);
      this.#doc = doc;
      this.#appender = null;
      this.#clientId = doc.clientID;
    } else {
      this.#doc = null;
      this.#clientId = Math.floor(Math.random() * 2 ** 31);
      this.#appender = new ArrayAppender(this.#clientId, ARRAY);
    }
  }

  /** Opens the socket; resolves once the client can type (observers: once synced). */
  connect(): Promise<void> {
    const { spec } = this;
    return new Promise((resolve, reject) => {
      const socket = new BareSocket(spec.wsUrl, spec.headers);
      this.#socket = socket;
      const timer = setTimeout(() => {
        fail(new Error('connect timed out'));
        socket.terminate();
      }, CONNECT_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        if (!this.ready) reject(error);
      };
      const becomeReady = () => {
        if (this.ready) return;
        this.ready = true;
        clearTimeout(timer);
        resolve();
      };
      socket.onError = fail;
      socket.onClose = (code, reason) => {
        if (!this.ready) fail(new Error(`closed ${code} ${reason}`));
        else if (!this.#closing) this.recorder.unexpectedCloses++;
      };
      socket.onOpen = () => {
        if (spec.named) socket.send(authMessage(this.#prefix, 'bench'));
        const stateVector = this.#doc ? Y.encodeStateVector(this.#doc) : EMPTY_STATE_VECTOR;
        socket.send(syncMessage(this.#prefix, SYNC_STEP1, stateVector));
        if (!spec.observer && !spec.named) becomeReady();
      };
      socket.onMessage = (data) => {
        this.#arrival = performance.now();
        this.recorder.frames++;
        const kind = this.#doc ? this.#receive(this.#doc, data) : this.#skim(data);
        if (kind === 'synced' || (kind === 'authenticated' && !spec.observer)) becomeReady();
      };
    });
  }

  /** Types one edit now. */
  edit(): void {
    const sentAt = performance.now();
    if (this.recorder.inWindow(sentAt)) this.editsInWindow++;
    const edit: Edit = [this.spec.index, ++this.#seq, sentAt];
    if (this.#appender) {
      this.#send(this.#appender.append(this.#prefix, edit));
      return;
    }
    const doc = this.#doc!;
    doc.once('update', (update: Uint8Array) =>
      this.#send(syncMessage(this.#prefix, SYNC_UPDATE, update)),
    );
    doc.getArray<Edit>(ARRAY).push([edit]);
  }

  /** Moves the caret: an awareness state stamped with the time it was sent. */
  caret(): void {
    const sentAt = performance.now();
    if (this.recorder.inWindow(sentAt)) this.caretsInWindow++;
    const at = this.#seq % 500;
    const json = `{"cursor":{"anchor":${at},"head":${at}},"c":${this.spec.index},"t":${sentAt}}`;
    this.#send(awarenessMessage(this.#prefix, this.#clientId, ++this.#caretClock, json));
  }

  close(): void {
    this.#closing = true;
    this.#socket?.terminate();
    this.#doc?.destroy();
  }

  #send(message: Uint8Array): void {
    this.#socket?.send(message);
  }

  /**
   * A sender reads only a frame's first bytes (types below 128 are one byte): it answers the
   * server's step 1 and notes the handshake, and ignores everything else.
   */
  #skim(data: Buffer): 'synced' | 'authenticated' | null {
    const at = this.#prefix.length;
    const type = data[at];
    if (type === MESSAGE_AUTH) return 'authenticated';
    if (type !== MESSAGE_SYNC) return null;
    if (data[at + 1] === SYNC_STEP1) {
      this.#send(syncMessage(this.#prefix, SYNC_STEP2, EMPTY_UPDATE));
    }
    return data[at + 1] === SYNC_STEP2 ? 'synced' : null;
  }

  /** An observer applies every frame; says when it completed the handshake. */
  #receive(doc: Y.Doc, data: Buffer): 'synced' | 'authenticated' | null {
    const { type, decoder } = readIncoming(data, this.#prefix.length);
    if (type === MESSAGE_AUTH) return 'authenticated';
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SYNC_STEP1) {
        this.#send(syncMessage(this.#prefix, SYNC_STEP2, Y.encodeStateAsUpdate(doc, payload)));
        return null;
      }
      Y.applyUpdate(doc, payload, REMOTE);
      return syncType === SYNC_STEP2 ? 'synced' : null;
    }
    if (type === MESSAGE_AWARENESS) this.#onCarets(decoder);
    return null;
  }

  /**
   * Times the edits a remote transaction added. New items are found from the state vectors
   * before and after it (each client's newest structs), not from the array's event, whose
   * change list costs a walk of the whole array.
   */
  #onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin !== REMOTE) return;
    const { recorder } = this;
    const store = transaction.doc.store;
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0;
      if (after <= before || client === this.#clientId) continue;
      const structs = store.clients.get(client) ?? [];
      for (let i = structs.length - 1; i >= 0; i--) {
        const struct = structs[i]!;
        if (struct.id.clock + struct.length <= before) break;
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
        const values = struct.content.arr as Edit[];
        for (let v = Math.max(0, before - struct.id.clock); v < values.length; v++) {
          const [index, seq, sentAt] = values[v]!;
          if (!recorder.inWindow(sentAt)) continue;
          const key = index * 1_048_576 + seq;
          if (this.#seen.has(key)) {
            recorder.duplicates++;
            continue;
          }
          this.#seen.add(key);
          recorder.delivered++;
          recorder.editLatency.push(this.#arrival - sentAt);
        }
      }
    }
  };

  #onCarets(decoder: decoding.Decoder): void {
    const { recorder } = this;
    for (const state of readAwareness(decoder)) {
      if (state.clientId === this.#clientId || state.json === 'null') continue;
      const parsed = JSON.parse(state.json) as { t?: number };
      if (typeof parsed.t !== 'number' || !recorder.inWindow(parsed.t)) continue;
      recorder.caretsDelivered++;
      recorder.caretLatency.push(this.#arrival - parsed.t);
    }
  }
}

import { performance } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

// y-websocket message and sync types (y-protocols PROTOCOL.md).
const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** How long one client took to get a document, in milliseconds. */
export interface SyncTiming {
  /** From dialling to the socket being open: the upgrade, session and access checks. */
  connectMs: number;
  /** From the socket opening to the server's sync step 2: loading the room and its state. */
  loadMs: number;
}

/**
 * A bare y-websocket client holding its own Y.Doc: it asks for the document on open, applies
 * what the server sends and sends its own edits as updates. It never answers the server's
 * step 1, so a reader adds nothing to the document it reads.
 */
export class RawClient {
  readonly doc = new Y.Doc();
  readonly socket: WebSocket;
  /** Resolves once the server's sync step 2 has been applied. */
  readonly synced: Promise<SyncTiming>;
  readonly #closed: Promise<void>;

  constructor(url: string, headers: Record<string, string>) {
    const dialled = performance.now();
    let opened = 0;
    this.socket = new WebSocket(url, { headers });
    this.#closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.synced = new Promise((resolve, reject) => {
      this.socket.once('open', () => {
        opened = performance.now();
        this.socket.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(this.doc)));
      });
      this.socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(data);
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
        const syncType = decoding.readVarUint(decoder);
        if (syncType !== SYNC_STEP2 && syncType !== SYNC_UPDATE) return;
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
        if (syncType === SYNC_STEP2) {
          resolve({ connectMs: opened - dialled, loadMs: performance.now() - opened });
        }
      });
      this.socket.once('error', reject);
      this.socket.once('close', (code, reason) =>
        reject(new Error(`${url} closed (${code} ${reason.toString()}) before it synced`)),
      );
    });
    // A rejection nobody awaits (a client closed before syncing) is not a crash.
    this.synced.catch(() => {});
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(syncFrame(SYNC_UPDATE, update));
      }
    });
  }

  /** Closes the socket; resolves once it is closed. */
  close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    return this.#closed;
  }
}

/**
 * Opens a client, waits for the document, closes; the document and how long it took, or null
 * when the server has not answered within `deadlineMs`.
 */
export async function readOnce(
  url: string,
  headers: Record<string, string>,
  deadlineMs = 60_000,
): Promise<{ doc: Y.Doc; timing: SyncTiming } | null> {
  const client = new RawClient(url, headers);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deadlineMs);
  });
  const timing = await Promise.race([client.synced, deadline]).finally(() => clearTimeout(timer));
  if (!timing) {
    client.socket.terminate();
    client.doc.destroy();
  }
  await client.close();
  return timing ? { doc: client.doc, timing } : null;
}

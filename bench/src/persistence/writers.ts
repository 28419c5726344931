import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** What every writer typed and which of those edits the server is known to have accepted. */
export class EditLedger {
  /** Edit id → the room it was typed in and when (performance.now()). */
  readonly typed = new Map<string, { room: number; at: number }>();
  /**
   * Edit id → when a client other than its author first received it. The server relays an
   * edit only once it has accepted it, so this is the client-side acknowledgement.
   */
  readonly acknowledged = new Map<string, number>();
}

/** A `ws` WebSocket that sends the session cookie on the upgrade, as a browser would. */
function signedInSocket(headers: Record<string, string>) {
  return class SignedInSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols ?? [], { headers });
    }
  };
}

/**
 * A stock y-websocket client typing into one plan: it keeps its own edits while disconnected
 * and sends whatever the server lacks when it reconnects, as the editor in a browser does.
 * Each edit pushes a unique id onto the document's `bench` array.
 */
export class Writer {
  readonly provider: WebsocketProvider;
  #seq = 0;
  readonly #prefix: string;

  constructor(
    readonly id: number,
    readonly room: number,
    serverUrl: string,
    documentName: string,
    headers: Record<string, string>,
    private readonly ledger: EditLedger,
  ) {
    this.#prefix = `${id}:`;
    const doc = new Y.Doc();
    doc.getArray<string>('bench').observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const item of event.changes.added) {
        for (const editId of item.content.getContent() as string[]) {
          if (!editId.startsWith(this.#prefix) && !ledger.acknowledged.has(editId)) {
            ledger.acknowledged.set(editId, now);
          }
        }
      }
    });
    this.provider = new WebsocketProvider(serverUrl, documentName, doc, {
      WebSocketPolyfill: signedInSocket(headers) as unknown as typeof globalThis.WebSocket,
      // Two clients in one process would otherwise sync with each other, not via the server.
      disableBc: true,
      // Back within half a second of the server returning.
      maxBackoffTime: 500,
    });
  }

  /** Types one edit (sent at once when connected, kept for the next sync when not). */
  edit(): void {
    const editId = `${this.#prefix}${++this.#seq}`;
    this.ledger.typed.set(editId, { room: this.room, at: performance.now() });
    this.provider.doc.getArray<string>('bench').push([editId]);
  }

  /** Connected and holding everything the server had when it answered. */
  get synced(): boolean {
    return this.provider.wsconnected && this.provider.synced;
  }

  destroy(): void {
    this.provider.destroy();
    this.provider.doc.destroy();
  }
}

/** Every writer types one edit a second, each starting at a random point of the second. */
export class Typing {
  readonly #timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly writers: Writer[],
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    for (const writer of this.writers) {
      const start = setTimeout(() => {
        writer.edit();
        this.#timers.push(setInterval(() => writer.edit(), this.intervalMs));
      }, Math.random() * this.intervalMs);
      this.#timers.push(start);
    }
  }

  stop(): void {
    // clearTimeout and clearInterval are interchangeable in Node.
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.length = 0;
  }
}

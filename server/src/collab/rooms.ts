import * as Y from 'yjs';
import type { Connection } from './connection.js';
import { LogWriter } from './log-writer.js';
import type { Peers } from './peers.js';
import { PRESENCE_WINDOW_MS, Room } from './room.js';
import { SendPace } from './send-pace.js';
import { storedState, type DocumentStore, type Projector } from './store.js';

export interface RoomsOptions {
  /** A room with nobody in it unloads after this long. */
  idleMs: number;
  /** Updates arriving within this many milliseconds share one log insert (default 5). */
  batchMs?: number;
  compactEvery?: number;
  log?(message: string): void;
  /** What to derive from a document whenever it is stored; null or absent for nothing. */
  projectorFor?(name: string): Projector | null;
  /** The least time between two projections of one room while edits flow. */
  projectMs?: number;
  /** The other server processes, when several share the documents. */
  peers?: Peers | undefined;
}

/** Presence goes out every 40 ms (25 a second) with time to spare, up to 100 ms when busy. */
const PRESENCE_WINDOW = { quietMs: PRESENCE_WINDOW_MS, busyMs: 100 };

/**
 * Owns the lifecycle of every room in the process: one load per document however many
 * open it at once, unload when idle, and no reload until an unload has finished writing.
 */
export class Rooms {
  readonly #rooms = new Map<string, Promise<Room>>();
  readonly #unloading = new Map<string, Promise<void>>();
  readonly #idleTimers = new Map<string, NodeJS.Timeout>();
  readonly #log: (message: string) => void;
  /** Every room's updates go to the log through this one writer. */
  readonly writer: LogWriter;
  readonly #pace = new SendPace(1000);

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RoomsOptions,
  ) {
    this.#log = options.log ?? (() => {});
    this.writer = new LogWriter(store, { batchMs: options.batchMs ?? 5, log: this.#log });
  }

  /** Puts the connection in the document's room, loading it if needed. */
  async join(name: string, connection: Connection): Promise<Room> {
    for (;;) {
      const room = await this.#open(name);
      // A room found closing (its idle timer fired while we waited) is skipped for a fresh load.
      if (room.join(connection)) {
        this.#cancelIdle(name);
        return room;
      }
      await this.#unloading.get(name);
    }
  }

  /**
   * Makes a server change to a document as `authorId` (see `Room.change`), loading its room if
   * nobody has it open; resolves once the change is in the log. A room opened only for this
   * unloads when idle, like one its last connection left.
   */
  async change<T>(name: string, authorId: string, write: (doc: Y.Doc) => T): Promise<T> {
    for (;;) {
      const room = await this.#open(name);
      // Found closing (its idle timer fired while we waited): wait for it, then load afresh.
      if (room.closed) {
        await this.#unloading.get(name);
        continue;
      }
      const result = room.change(authorId, write);
      if (room.connectionCount === 0) this.#scheduleIdle(name);
      await room.flush();
      return result;
    }
  }

  /**
   * A document's whole state as a Yjs update: from its room when loaded, which holds edits not
   * yet logged, else from the store.
   */
  async state(name: string): Promise<Uint8Array> {
    const unloading = this.#unloading.get(name);
    if (unloading) await unloading;
    const room = await this.#rooms.get(name)?.catch(() => null);
    if (room && !room.closed) return Y.encodeStateAsUpdate(room.doc);
    // Closing: everything it held is written once its unload finishes.
    await this.#unloading.get(name);
    return storedState(await this.store.load(name));
  }

  /** The loaded room for a document, if any (for tests and diagnostics). */
  loaded(name: string): Promise<Room> | undefined {
    return this.#rooms.get(name);
  }

  get size(): number {
    return this.#rooms.size;
  }

  /** Open connections across every loaded room. */
  async connectionCount(): Promise<number> {
    const rooms = await Promise.all([...this.#rooms.values()].map((r) => r.catch(() => null)));
    return rooms.reduce((sum, room) => sum + (room?.connectionCount ?? 0), 0);
  }

  /** Unloads every room, writing everything they hold. */
  async closeAll(): Promise<void> {
    for (const timer of this.#idleTimers.values()) clearTimeout(timer);
    this.#idleTimers.clear();
    await Promise.all([...this.#rooms.keys()].map((name) => this.#unload(name, true)));
    this.#pace.stop();
  }

  async #open(name: string): Promise<Room> {
    const unloading = this.#unloading.get(name);
    if (unloading) await unloading;
    let room = this.#rooms.get(name);
    if (!room) {
      room = Room.load(name, this.store, {
        writer: this.writer,
        peers: this.options.peers,
        compactEvery: this.options.compactEvery ?? 500,
        onEmpty: () => this.#scheduleIdle(name),
        log: this.#log,
        project: this.options.projectorFor?.(name) ?? undefined,
        projectMs: this.options.projectMs,
        presenceWindowMs: () => this.#pace.windowMs(PRESENCE_WINDOW),
      });
      this.#rooms.set(name, room);
      room.then(
        () => this.#log(`room loaded ${name}`),
        (error: unknown) => {
          this.#rooms.delete(name);
          this.#log(`room ${name} failed to load: ${String(error)}`);
        },
      );
    }
    return room;
  }

  #scheduleIdle(name: string): void {
    this.#cancelIdle(name);
    const timer = setTimeout(() => {
      this.#idleTimers.delete(name);
      void this.#unload(name);
    }, this.options.idleMs);
    timer.unref();
    this.#idleTimers.set(name, timer);
  }

  #cancelIdle(name: string): void {
    const timer = this.#idleTimers.get(name);
    if (timer) clearTimeout(timer);
    this.#idleTimers.delete(name);
  }

  #unload(name: string, force = false): Promise<void> {
    const loading = this.#rooms.get(name);
    if (!loading) return Promise.resolve();
    this.#rooms.delete(name);
    const done = loading
      .then(async (room) => {
        // Someone joined between the idle timer firing and now: keep the room.
        if (!force && room.connectionCount > 0) {
          this.#rooms.set(name, loading);
          return;
        }
        await room.close();
        this.#log(`room unloaded ${name}`);
      })
      .catch((error: unknown) => this.#log(`room ${name} failed to unload: ${String(error)}`))
      .finally(() => this.#unloading.delete(name));
    this.#unloading.set(name, done);
    return done;
  }
}

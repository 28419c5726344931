import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  CloseCode,
  isFinalCloseCode,
  isSyncStep2,
  syncStep1Message,
  type PresenceUser,
} from '@careweave/shared';
import type { ConnectionPhase } from './connection-phase';

export type { ConnectionPhase } from './connection-phase';

/** Awareness state each client publishes: our presence fields plus `color` for the caret extension. */
export type AwarenessUser = PresenceUser & { color: string };

/** Which list item someone has their focus in, published in awareness next to `user`. */
export interface EditingItem {
  section: string;
  itemId: string;
}

/** The key under which `editors` lists who is editing an item. */
export function editingKey(section: string, itemId: string): string {
  return `${section}/${itemId}`;
}

/** Changes are confirmed once typing pauses this long, so a burst costs the server one answer. */
const CONFIRM_AFTER_MS = 1_000;
/** …and at least this often while it goes on. */
const CONFIRM_AT_LEAST_EVERY_MS = 3_000;
/** How long the server may take to answer before the page says the connection is not working. */
const CONFIRM_WITHIN_MS = 5_000;

function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * What the plan's sections need of a document: the live connection, or a read-only copy
 * (a signed-off version) with no one else present and nowhere to send changes.
 */
export interface LiveDocument {
  readonly ydoc: Y.Doc;
  readonly me: AwarenessUser;
  /** Null when there is no server to share carets with. */
  readonly provider: WebsocketProvider | null;
  readonly loaded: boolean;
  readonly ended: boolean;
  readonly people: PresenceUser[];
  readonly editors: Record<string, PresenceUser[]>;
  setEditing(editing: EditingItem | null): void;
}

/**
 * One live plan document: its Y.Doc, the y-websocket provider, and the state the page shows
 * (who is here, saved or not). Browser only; `destroy()` when leaving the page.
 */
export class PlanConnection implements LiveDocument {
  readonly ydoc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly me: AwarenessUser;

  status = $state<'connecting' | 'connected' | 'disconnected'>('connecting');
  synced = $state(false);
  /** True once the first sync has arrived: an empty list means empty, not still loading. */
  loaded = $state(false);
  everConnected = $state(false);
  /** Local changes made while not live; y-websocket re-sends them on the next sync. */
  unsent = $state(0);
  /**
   * Local changes sent but not yet confirmed (see `#ask`). A connection that looks open may be
   * dead (a network cut): "saved" is only said once the server has answered.
   */
  unconfirmed = $state(0);
  /** The server has not answered a question about them within `CONFIRM_WITHIN_MS`. */
  stalled = $state(false);
  #asked = 0;
  /** When the oldest change not yet asked about was made. */
  #waitingSince: number | null = null;
  #askTimer: ReturnType<typeof setTimeout> | undefined;
  #stallTimer: ReturnType<typeof setTimeout> | undefined;
  closeCode = $state<number | null>(null);
  closeReason = $state('');
  people = $state<PresenceUser[]>([]);
  /** Other people editing each list item, by `editingKey(section, itemId)`. */
  editors = $state<Record<string, PresenceUser[]>>({});

  phase: ConnectionPhase = $derived.by(() => {
    if (this.closeCode === CloseCode.Unauthorized) return { kind: 'session-ended' };
    if (this.closeCode === CloseCode.Forbidden) return { kind: 'forbidden' };
    if (this.closeCode !== null) return { kind: 'closed', reason: this.closeReason };
    if (this.status === 'connected' && this.synced && !this.stalled) {
      return this.unconfirmed > 0 ? { kind: 'saving' } : { kind: 'live' };
    }
    if (this.everConnected) return { kind: 'offline', unsent: this.unsent + this.unconfirmed };
    return { kind: 'connecting' };
  });

  /**
   * True while the server refuses us; editing then cannot reach anyone. Final but for a session
   * that ended, which `resume()` picks up again; the Y.Doc keeps what was typed meanwhile.
   */
  ended = $derived(this.closeCode !== null);

  constructor(docName: string, me: AwarenessUser) {
    this.me = me;
    this.provider = new WebsocketProvider(collabUrl(), docName, this.ydoc);
    this.provider.awareness.setLocalStateField('user', me);

    this.provider.on('status', ({ status }) => {
      this.status = status;
      if (status === 'connected') {
        this.everConnected = true;
        this.provider.ws?.addEventListener('message', this.onMessage);
      } else {
        // Whatever was not confirmed goes again with the next sync, as unsent changes do.
        this.unsent += this.unconfirmed;
        this.#forgetConfirmation();
      }
    });
    this.provider.on('sync', (isSynced: boolean) => {
      this.synced = isSynced;
      if (isSynced) {
        this.loaded = true;
        // Our answer to the server's step 1 carries the edits made offline: confirm them too.
        if (this.unsent > 0) {
          this.unconfirmed += this.unsent;
          this.unsent = 0;
          this.#askSoon();
        }
      }
    });
    this.provider.on('connection-close', (event) => {
      this.synced = false;
      if (!event) return;
      if (isFinalCloseCode(event.code)) {
        this.closeCode = event.code;
        this.provider.disconnect();
      } else if (event.code === CloseCode.Malformed || event.code === CloseCode.TooLarge) {
        // y-websocket does not retry 44xx codes: re-sending the same change would fail again.
        this.closeCode = event.code;
        this.closeReason =
          event.code === CloseCode.TooLarge
            ? 'a change was too large to send'
            : 'the server could not read a message';
      }
    });
    this.ydoc.on('update', this.onUpdate);
    this.provider.awareness.on('change', this.onAwareness);
    this.onAwareness();
  }

  private onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return;
    if (!(this.status === 'connected' && this.synced)) {
      this.unsent += 1;
      return;
    }
    this.unconfirmed += 1;
    this.#askSoon();
  };

  private onMessage = (event: MessageEvent): void => {
    if (event.target !== this.provider.ws || this.#asked === 0) return;
    if (!isSyncStep2(new Uint8Array(event.data as ArrayBuffer))) return;
    this.unconfirmed -= this.#asked;
    this.#asked = 0;
    clearTimeout(this.#stallTimer);
    this.#stallTimer = undefined;
    this.stalled = false;
    if (this.unconfirmed > 0) this.#askSoon();
  };

  /** Asks the server to confirm what has been sent once typing pauses, or has gone on a while. */
  #askSoon(): void {
    const now = Date.now();
    this.#waitingSince ??= now;
    const due = Math.min(CONFIRM_AFTER_MS, this.#waitingSince + CONFIRM_AT_LEAST_EVERY_MS - now);
    clearTimeout(this.#askTimer);
    this.#askTimer = setTimeout(() => this.#ask(), Math.max(0, due));
  }

  /**
   * The server answers a sync step 1 only after every message sent before it, so its answer
   * confirms them all. One question at a time: the answer asks again if more was typed since.
   */
  #ask(): void {
    const ws = this.provider.ws;
    if (this.#asked > 0 || !ws || ws.readyState !== WebSocket.OPEN) return;
    this.#asked = this.unconfirmed;
    this.#waitingSince = null;
    ws.send(syncStep1Message(Y.encodeStateVector(this.ydoc)));
    this.#stallTimer = setTimeout(() => (this.stalled = true), CONFIRM_WITHIN_MS);
  }

  #forgetConfirmation(): void {
    this.unconfirmed = 0;
    this.#asked = 0;
    this.#waitingSince = null;
    this.stalled = false;
    clearTimeout(this.#askTimer);
    clearTimeout(this.#stallTimer);
    this.#askTimer = this.#stallTimer = undefined;
  }

  /**
   * Connects again once the same user is signed in again (see `SessionWatch`): changes typed
   * before the session ended go with the first sync, as offline ones do.
   */
  resume(): void {
    if (this.closeCode !== CloseCode.Unauthorized) return;
    this.closeCode = null;
    this.provider.connect();
  }

  /** Says which item we are editing (or none), so others see "<Name> is editing" on it. */
  setEditing(editing: EditingItem | null): void {
    const current = this.provider.awareness.getLocalState()?.editing as EditingItem | null;
    if (current?.section === editing?.section && current?.itemId === editing?.itemId) return;
    this.provider.awareness.setLocalStateField('editing', editing);
  }

  #presenceQueued = false;

  // Awareness also changes while the page is redrawn (an editor clears its caret as it is torn
  // down), when Svelte refuses writes to state: read it just after, once for the whole burst.
  private onAwareness = (): void => {
    if (this.#presenceQueued) return;
    this.#presenceQueued = true;
    queueMicrotask(() => {
      this.#presenceQueued = false;
      this.#readPresence();
    });
  };

  #readPresence(): void {
    // One entry per person, however many tabs they have open.
    const others: PresenceUser[] = [];
    const editors: Record<string, PresenceUser[]> = {};
    for (const state of this.provider.awareness.getStates().values()) {
      const { user, editing } = state as { user?: Partial<PresenceUser>; editing?: unknown };
      if (!user?.id || !user.name || user.id === this.me.id) continue;
      const person: PresenceUser = {
        id: user.id,
        name: user.name,
        role: user.role ?? '',
        colour: user.colour ?? '#425563',
      };
      const item = editing as Partial<EditingItem> | null | undefined;
      if (typeof item?.section === 'string' && typeof item.itemId === 'string') {
        const key = editingKey(item.section, item.itemId);
        const list = (editors[key] ??= []);
        if (!list.some((p) => p.id === person.id)) list.push(person);
      }
      if (!others.some((p) => p.id === person.id)) others.push(person);
    }
    this.people = [this.me, ...others.sort((a, b) => a.name.localeCompare(b.name))];
    this.editors = editors;
  }

  destroy(): void {
    this.#forgetConfirmation();
    this.provider.awareness.off('change', this.onAwareness);
    this.ydoc.off('update', this.onUpdate);
    this.provider.destroy();
    this.ydoc.destroy();
  }
}

/** Everyone present on any of the page's documents, once each, me first. */
export function combinedPeople(connections: LiveDocument[], me: PresenceUser): PresenceUser[] {
  const others: PresenceUser[] = [];
  for (const connection of connections) {
    for (const person of connection.people) {
      if (person.id !== me.id && !others.some((p) => p.id === person.id)) others.push(person);
    }
  }
  return [me, ...others.sort((a, b) => a.name.localeCompare(b.name))];
}

import type { Access } from '@careweave/shared';

/** What an open socket was let in with. */
export interface Admitted {
  /** The session cookie that opened it. */
  token: string;
  userId: string;
  documentName: string;
  access: Exclude<Access, 'none'>;
  /** Let in to change only part of the document (see Connection.limit). */
  partOnly: boolean;
}

/** Why an open socket may no longer stay: its session ended, or it may do less than it could. */
export type Lapse = 'session' | 'access';

export interface SessionWatchOptions {
  /** The tokens among these whose sessions still hold. */
  stillValid(tokens: string[]): Promise<Set<string>>;
  /** Each socket's access as it stands now, in the order asked. */
  accessNow(
    sockets: readonly { userId: string; documentName: string; partOnly: boolean }[],
  ): Promise<Access[]>;
  intervalMs: number;
  log(message: string): void;
}

interface Watcher {
  admitted: Admitted;
  lapsed(why: Lapse): void;
}

/**
 * Re-checks what every open socket was let in with, all together each round: one query for
 * the sessions rather than one per socket, and each user, plan and meeting read once. A user
 * who signs out elsewhere, or whose session expires, loses their open documents within a round,
 * and so does one who may no longer open a document (consent to share withdrawn, a team or role
 * changed) or may now only read it. A round whose check fails ends nothing; the next one tries
 * again.
 */
export class SessionWatch {
  readonly #watchers = new Map<string, Set<Watcher>>();
  readonly #timer: NodeJS.Timeout;
  #checking = false;
  #again = false;

  constructor(private readonly options: SessionWatchOptions) {
    this.#timer = setInterval(() => void this.check(), options.intervalMs);
    this.#timer.unref();
  }

  /** Calls `lapsed` once what let the socket in no longer holds; returns the way to stop. */
  watch(admitted: Admitted, lapsed: (why: Lapse) => void): () => void {
    const watcher = { admitted, lapsed };
    let watchers = this.#watchers.get(admitted.token);
    if (!watchers) this.#watchers.set(admitted.token, (watchers = new Set()));
    watchers.add(watcher);
    return () => this.#forget(watcher);
  }

  /**
   * One round: every watched session in one check, then every socket's access. Rounds do not
   * overlap; one asked for during another runs straight after it, since what changed may have
   * been read before the change.
   */
  async check(): Promise<void> {
    if (this.#checking) {
      this.#again = true;
      return;
    }
    if (this.#watchers.size === 0) return;
    this.#checking = true;
    try {
      const tokens = [...this.#watchers.keys()];
      const valid = await this.options.stillValid(tokens);
      for (const token of tokens) {
        if (valid.has(token)) continue;
        const watchers = this.#watchers.get(token);
        this.#watchers.delete(token);
        for (const { lapsed } of watchers ?? []) lapsed('session');
      }
      await this.#checkAccess();
    } catch (error) {
      this.options.log(
        `could not re-check the open sockets' sessions and access: ${String(error)}`,
      );
    } finally {
      this.#checking = false;
    }
    if (this.#again) {
      this.#again = false;
      await this.check();
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #checkAccess(): Promise<void> {
    const watchers = [...this.#watchers.values()].flatMap((set) => [...set]);
    const keyOf = ({ admitted }: Watcher) => `${admitted.userId} ${admitted.documentName}`;
    const asked = new Map(watchers.map((w) => [keyOf(w), w.admitted]));
    const answers = await this.options.accessNow([...asked.values()]);
    const accessOf = new Map([...asked.keys()].map((key, i) => [key, answers[i]!]));
    for (const watcher of watchers) {
      const now = accessOf.get(keyOf(watcher))!;
      if (now === 'none' || (now === 'read' && watcher.admitted.access === 'write')) {
        this.#forget(watcher);
        watcher.lapsed('access');
      }
    }
  }

  #forget(watcher: Watcher): void {
    const watchers = this.#watchers.get(watcher.admitted.token);
    if (!watchers) return;
    watchers.delete(watcher);
    if (watchers.size === 0) this.#watchers.delete(watcher.admitted.token);
  }
}

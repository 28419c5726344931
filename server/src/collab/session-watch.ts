/**
 * Re-checks the sessions behind every open socket together, one query a round rather than one
 * per socket: a user who signs out elsewhere, or whose session expires, loses their open
 * documents within a round. A round whose check fails ends nothing; the next one tries again.
 */
export class SessionWatch {
  readonly #watchers = new Map<string, Set<() => void>>();
  readonly #timer: NodeJS.Timeout;
  #checking = false;

  constructor(
    /** The tokens among these whose sessions still hold. */
    private readonly stillValid: (tokens: string[]) => Promise<Set<string>>,
    intervalMs: number,
    private readonly log: (message: string) => void,
  ) {
    this.#timer = setInterval(() => void this.check(), intervalMs);
    this.#timer.unref();
  }

  /** Calls `ended` once the session behind `token` no longer holds; returns the way to stop. */
  watch(token: string, ended: () => void): () => void {
    let watchers = this.#watchers.get(token);
    if (!watchers) this.#watchers.set(token, (watchers = new Set()));
    watchers.add(ended);
    return () => {
      watchers.delete(ended);
      if (watchers.size === 0 && this.#watchers.get(token) === watchers) {
        this.#watchers.delete(token);
      }
    };
  }

  /** One round: every watched session in one check. Rounds do not overlap. */
  async check(): Promise<void> {
    if (this.#checking || this.#watchers.size === 0) return;
    this.#checking = true;
    try {
      const tokens = [...this.#watchers.keys()];
      const valid = await this.stillValid(tokens);
      for (const token of tokens) {
        if (valid.has(token)) continue;
        const watchers = this.#watchers.get(token);
        this.#watchers.delete(token);
        for (const ended of watchers ?? []) ended();
      }
    } catch (error) {
      this.log(`could not re-check the open sockets' sessions: ${String(error)}`);
    } finally {
      this.#checking = false;
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

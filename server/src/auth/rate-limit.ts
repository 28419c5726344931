/** A fixed-window counter per key, e.g. per account and client address. */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; returns 0 when allowed, else the seconds until the next is. */
  attempt(key: string): number {
    const wait = this.wait(key);
    if (wait === 0) this.record(key);
    return wait;
  }

  /** The seconds until `key` may try again, 0 when it may now; records nothing. */
  wait(key: string): number {
    const t = this.now();
    const window = this.#windows.get(key);
    if (!window || t - window.start >= this.windowMs || window.count < this.limit) return 0;
    return Math.ceil((window.start + this.windowMs - t) / 1000);
  }

  /** Counts one attempt against `key`, for callers that count only some of what they ask. */
  record(key: string): void {
    const t = this.now();
    const window = this.#windows.get(key);
    if (window && t - window.start < this.windowMs) {
      window.count++;
      return;
    }
    this.#windows.set(key, { start: t, count: 1 });
    this.#sweep(t);
  }

  /** Forgets a key, e.g. after a successful login. */
  reset(key: string): void {
    this.#windows.delete(key);
  }

  // Bounded memory: drop finished windows whenever a new one opens.
  #sweep(t: number): void {
    if (this.#windows.size < 1024) return;
    for (const [key, w] of this.#windows)
      if (t - w.start >= this.windowMs) this.#windows.delete(key);
  }
}

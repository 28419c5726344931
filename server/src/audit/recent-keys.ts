/** Keys seen within the last window, e.g. so one opening of a plan is audited once. */
export class RecentKeys {
  readonly #markedAt = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `key` was marked less than a window ago. */
  has(key: string): boolean {
    const at = this.#markedAt.get(key);
    return at !== undefined && this.now() - at < this.windowMs;
  }

  mark(key: string): void {
    const t = this.now();
    this.#markedAt.set(key, t);
    this.#sweep(t);
  }

  // Bounded memory: once there are many keys, drop those whose window has passed.
  #sweep(t: number): void {
    if (this.#markedAt.size < 1024) return;
    for (const [key, at] of this.#markedAt) if (t - at >= this.windowMs) this.#markedAt.delete(key);
  }
}

/** Growable list of latencies in milliseconds, sorted once at the end. */
export class Samples {
  #values = new Float64Array(4096);
  #length = 0;

  push(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = value;
  }

  get length(): number {
    return this.#length;
  }

  /** p50, p95, p99 and max (NaN when empty). */
  percentiles(): { p50: number; p95: number; p99: number; max: number } {
    const sorted = this.#values.slice(0, this.#length).sort();
    const at = (q: number) =>
      sorted.length === 0
        ? NaN
        : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
  }
}

/**
 * What the clients of one load run saw. Only edits and carets stamped inside the measured
 * window count, so the ramp, warm-up and drain never skew the figures.
 */
export class Recorder {
  windowStart = Infinity;
  windowEnd = Infinity;
  readonly editLatency = new Samples();
  readonly caretLatency = new Samples();
  /** (edit, observer) pairs delivered, each counted once. */
  delivered = 0;
  /** Pairs that arrived a second time (a server that sends an edit twice). */
  duplicates = 0;
  caretsDelivered = 0;
  /** Frames received by every client since the run began. */
  frames = 0;
  /** Sockets that closed while the load ran. */
  unexpectedCloses = 0;

  inWindow(sentAt: number): boolean {
    return sentAt >= this.windowStart && sentAt < this.windowEnd;
  }
}

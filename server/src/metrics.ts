/**
 * Durations in milliseconds, counted in 0.1 ms buckets up to 10 s (one array, no allocation
 * per sample), for quantiles since the process started.
 */
export class LatencyHistogram {
  static readonly #STEPS_PER_MS = 10;
  readonly #buckets = new Uint32Array(10_000 * LatencyHistogram.#STEPS_PER_MS + 1);
  #count = 0;
  #max = 0;

  record(ms: number): void {
    const index = Math.min(
      Math.max(0, Math.floor(ms * LatencyHistogram.#STEPS_PER_MS)),
      this.#buckets.length - 1,
    );
    this.#buckets[index]!++;
    this.#count++;
    if (ms > this.#max) this.#max = ms;
  }

  get count(): number {
    return this.#count;
  }

  /** The duration below which a fraction `q` of samples fell (upper bucket edge); 0 if none. */
  quantile(q: number): number {
    if (this.#count === 0) return 0;
    if (q >= 1) return this.#max;
    const target = Math.max(1, Math.ceil(q * this.#count));
    let seen = 0;
    for (let i = 0; i < this.#buckets.length; i++) {
      seen += this.#buckets[i]!;
      if (seen >= target) return Math.min((i + 1) / LatencyHistogram.#STEPS_PER_MS, this.#max);
    }
    return this.#max;
  }
}

/** One line of the Prometheus text format. */
export function metricLine(name: string, value: number, labels?: Record<string, string>): string {
  const labelText = labels
    ? `{${Object.entries(labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',')}}`
    : '';
  return `${name}${labelText} ${Number.isFinite(value) ? value : 0}`;
}

/** A latency histogram as a Prometheus summary, in seconds. */
export function summaryLines(name: string, histogram: LatencyHistogram): string[] {
  return [
    ...[0.5, 0.9, 0.99, 1].map((q) =>
      metricLine(name, histogram.quantile(q) / 1000, { quantile: String(q) }),
    ),
    metricLine(`${name}_count`, histogram.count),
  ];
}

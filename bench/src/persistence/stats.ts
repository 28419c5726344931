/** The value below which a fraction `q` of the samples fall (nearest rank); NaN for none. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** Seconds as milliseconds, for figures /metrics gives in seconds. */
export function ms(seconds: number): number {
  return seconds * 1000;
}

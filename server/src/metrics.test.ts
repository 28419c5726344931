import { describe, expect, it } from 'vitest';
import { LatencyHistogram, summaryLines } from './metrics.js';

describe('LatencyHistogram', () => {
  it('answers quantiles to a tenth of a millisecond and the exact maximum', () => {
    const h = new LatencyHistogram();
    for (let ms = 1; ms <= 100; ms++) h.record(ms);
    expect(h.count).toBe(100);
    expect(h.quantile(0.5)).toBeCloseTo(50.1, 5);
    expect(h.quantile(0.99)).toBeCloseTo(99.1, 5);
    expect(h.quantile(1)).toBe(100);
  });

  it('keeps samples past its range in the last bucket without losing the maximum', () => {
    const h = new LatencyHistogram();
    h.record(0.05);
    h.record(25_000);
    expect(h.quantile(0.5)).toBeCloseTo(0.1, 5);
    expect(h.quantile(1)).toBe(25_000);
  });

  it('is zero when empty, and renders as a Prometheus summary in seconds', () => {
    const h = new LatencyHistogram();
    expect(h.quantile(0.99)).toBe(0);
    h.record(2);
    expect(summaryLines('x_seconds', h)).toEqual([
      'x_seconds{quantile="0.5"} 0.002',
      'x_seconds{quantile="0.9"} 0.002',
      'x_seconds{quantile="0.99"} 0.002',
      'x_seconds{quantile="1"} 0.002',
      'x_seconds_count 1',
    ]);
  });
});

import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { PresencePace, presenceWindowFor } from './presence-pace.js';

const PACE = { quietMs: 40, busyMs: 100, sampleMs: 50 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('presenceWindowFor', () => {
  it('keeps the quiet window up to half busy and stretches it to the busy one at 90 %', () => {
    expect([0, 0.3, 0.5].map((u) => presenceWindowFor(u, PACE))).toEqual([40, 40, 40]);
    expect(presenceWindowFor(0.7, PACE)).toBe(70);
    expect([0.9, 1].map((u) => presenceWindowFor(u, PACE))).toEqual([100, 100]);
  });
});

describe('PresencePace', () => {
  it('stretches the window while the event loop is busy and eases it once the loop is free', async () => {
    const pace = new PresencePace(PACE);
    try {
      expect(pace.windowMs).toBe(40);
      const until = performance.now() + 200;
      while (performance.now() < until); // the process at full stretch
      await sleep(10);
      expect(pace.windowMs).toBe(100);
      await sleep(200);
      expect(pace.windowMs).toBe(40);
    } finally {
      pace.stop();
    }
  });
});

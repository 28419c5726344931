import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { SendPace, windowFor } from './send-pace.js';

const PRESENCE = { quietMs: 40, busyMs: 100 };
const UPDATES = { quietMs: 0, busyMs: 50 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('windowFor', () => {
  it('keeps the quiet window up to 30 % busy and stretches it to the busy one at 70 %', () => {
    expect([0, 0.2, 0.3].map((u) => windowFor(u, PRESENCE))).toEqual([40, 40, 40]);
    expect(windowFor(0.5, PRESENCE)).toBe(70);
    expect([0.7, 1].map((u) => windowFor(u, PRESENCE))).toEqual([100, 100]);
    expect([0.3, 0.5, 0.7].map((u) => windowFor(u, UPDATES))).toEqual([0, 25, 50]);
  });
});

describe('SendPace', () => {
  it('stretches the windows while the event loop is busy and eases them once it is free', async () => {
    const pace = new SendPace(50);
    try {
      expect([pace.windowMs(PRESENCE), pace.windowMs(UPDATES)]).toEqual([40, 0]);
      const until = performance.now() + 200;
      while (performance.now() < until); // the process at full stretch
      await sleep(10);
      expect([pace.windowMs(PRESENCE), pace.windowMs(UPDATES)]).toEqual([100, 50]);
      await sleep(200);
      expect([pace.windowMs(PRESENCE), pace.windowMs(UPDATES)]).toEqual([40, 0]);
    } finally {
      pace.stop();
    }
  });
});

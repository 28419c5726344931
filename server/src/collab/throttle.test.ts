import { describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Throttle', () => {
  it('runs at once, then at most once per interval, and once after the last request', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      const throttle = new Throttle(async () => {
        runs++;
      }, 100);
      throttle.request();
      await vi.advanceTimersByTimeAsync(0);
      expect(runs).toBe(1);
      for (let i = 0; i < 9; i++) {
        throttle.request();
        await vi.advanceTimersByTimeAsync(10);
      }
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(10);
      expect(runs).toBe(2);
      await vi.advanceTimersByTimeAsync(1000);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never runs two at once', async () => {
    let active = 0;
    let most = 0;
    const throttle = new Throttle(async () => {
      most = Math.max(most, ++active);
      await sleep(30);
      active--;
    }, 5);
    for (let i = 0; i < 8; i++) {
      throttle.request();
      await sleep(8);
    }
    await throttle.stop();
    expect(most).toBe(1);
  });

  it('runs a last time when stopped, and never after', async () => {
    let runs = 0;
    const throttle = new Throttle(async () => {
      runs++;
    }, 1000);
    throttle.request();
    await sleep(5);
    throttle.request();
    await throttle.stop();
    expect(runs).toBe(2);
    throttle.request();
    await sleep(20);
    expect(runs).toBe(2);
  });
});

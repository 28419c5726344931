import { describe, expect, it } from 'vitest';
import { combineRuns, median } from '../bench/dist/load/repeats.js';
import type { StepFigures } from '../bench/dist/load/step.js';

/** One measured run of a step: what differs between runs is given, the rest is fixed. */
function run(figures: Partial<StepFigures>): StepFigures {
  return {
    kind: 'y-websocket-server',
    processes: 1,
    clients: 3000,
    rooms: 300,
    connected: 3000,
    failedConnections: 0,
    failures: [],
    unexpectedCloses: 0,
    editsPerSecond: 3000,
    delivered: 72_000,
    expected: 72_000,
    duplicates: 0,
    deliveryRatio: 1,
    p50: 5,
    p95: 30,
    p99: 60,
    max: 90,
    caretP50: NaN,
    caretP99: NaN,
    caretRatio: NaN,
    windowSeconds: 12,
    serverCpu: 7,
    serverKernelCpu: 3,
    postgresCpu: 0,
    redisCpu: 0,
    generatorCpu: 6,
    generatorLagP99: 20,
    otherCpu: 0,
    editDeliveries: 324_000,
    frames: 360_000,
    cpuPerMillion: 21.6,
    peakRss: 200e6,
    commitP50: NaN,
    commitP99: NaN,
    passed: true,
    runs: 1,
    passedRuns: 1,
    ...figures,
  };
}

describe('a bench step measured several times', () => {
  it('takes the middle value, or the mean of the middle two, and ignores NaN', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 7])).toBe(7);
    expect(median([NaN])).toBeNaN();
  });

  it('reports the median of each figure and passes only when most runs passed', () => {
    const combined = combineRuns([
      run({ p99: 60, serverCpu: 7, cpuPerMillion: 21.6 }),
      run({ p99: 2207, serverCpu: 11.8, cpuPerMillion: 36.4, passed: false }),
      run({ p99: 72, serverCpu: 7.7, cpuPerMillion: 23.8 }),
    ]);
    expect(combined).toMatchObject({
      p99: 72,
      serverCpu: 7.7,
      cpuPerMillion: 23.8,
      clients: 3000,
      kind: 'y-websocket-server',
      runs: 3,
      passedRuns: 2,
      passed: true,
    });
    expect(combined.caretP99).toBeNaN();

    const mostlySlow = combineRuns([
      run({ p99: 60 }),
      run({ p99: 130, passed: false }),
      run({ p99: 140, passed: false }),
    ]);
    expect(mostlySlow).toMatchObject({ p99: 130, passed: false, passedRuns: 1 });
    // Two runs, one each way: not a majority.
    expect(combineRuns([run({}), run({ passed: false })]).passed).toBe(false);
  });

  it('keeps any run’s refused connection, closed socket or duplicate in view', () => {
    const combined = combineRuns([
      run({}),
      run({ failedConnections: 3, failures: ['connect timed out'], passed: false }),
      run({ duplicates: 1, passed: false }),
    ]);
    expect(combined).toMatchObject({
      failedConnections: 3,
      duplicates: 1,
      failures: ['connect timed out'],
      passed: false,
    });
  });

  it('gives a single run back as it was', () => {
    const single = run({ p99: 99 });
    expect(combineRuns([single])).toBe(single);
  });
});

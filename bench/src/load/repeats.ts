import type { StepFigures } from './step.js';

/** The middle value (the mean of the two middle ones for an even count), ignoring NaN. */
export function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * One step measured several times, as one: each figure is the median of the runs, and the
 * step passes when more than half of them passed. On a machine whose speed wanders the median
 * moves far less than any one run, and a single lucky or unlucky run cannot decide a step.
 */
export function combineRuns(runs: StepFigures[]): StepFigures {
  const [first] = runs;
  if (!first) throw new Error('combineRuns needs at least one run');
  if (runs.length === 1) return first;
  const combined = { ...first } as Record<string, unknown>;
  for (const [key, value] of Object.entries(first)) {
    if (typeof value === 'number') {
      combined[key] = median(runs.map((run) => run[key as keyof StepFigures] as number));
    }
  }
  const passedRuns = runs.filter((run) => run.passed).length;
  return {
    ...(combined as unknown as StepFigures),
    // Counts, not measures: a connection refused, a socket closed or an edit duplicated in any
    // run shows.
    failedConnections: Math.max(...runs.map((run) => run.failedConnections)),
    unexpectedCloses: Math.max(...runs.map((run) => run.unexpectedCloses)),
    duplicates: Math.max(...runs.map((run) => run.duplicates)),
    failures: [...new Set(runs.flatMap((run) => run.failures))].slice(0, 3),
    runs: runs.length,
    passedRuns,
    passed: passedRuns * 2 > runs.length,
  };
}

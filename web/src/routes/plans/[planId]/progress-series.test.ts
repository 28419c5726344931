import { describe, expect, it } from 'vitest';
import type { Goal } from '@careweave/shared';
import { progressByCategory } from './progress-series';

function goal(id: string, category: Goal['category'], ratings: [number, string][]): Goal {
  return {
    id,
    position: 0,
    createdBy: 'u',
    createdAt: '2026-01-01T00:00:00Z',
    text: `goal ${id}`,
    horizon: 'month',
    category,
    status: 'active',
    progress: ratings.map(([value, at]) => ({ value, at, by: 'u' })),
    reviewDate: null,
  };
}

describe('progressByCategory', () => {
  it('averages the latest rating of each goal in a category after every rating', () => {
    const series = progressByCategory([
      goal('a', 'housing', [
        [2, '2026-01-01T00:00:00Z'],
        [6, '2026-01-03T00:00:00Z'],
      ]),
      goal('b', 'housing', [[4, '2026-01-02T00:00:00Z']]),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]!.points.map((p) => p.value)).toEqual([2, 3, 5]);
  });

  it('leaves out goals never rated and keeps categories apart', () => {
    const series = progressByCategory([
      goal('a', 'wellbeing', [[7, '2026-01-01T00:00:00Z']]),
      goal('b', 'housing', []),
      goal('c', 'finances', [[1, '2026-01-01T00:00:00Z']]),
    ]);
    expect(series.map((s) => [s.category, s.points.at(-1)!.value])).toEqual([
      ['finances', 1],
      ['wellbeing', 7],
    ]);
  });
});

import type { Goal, GoalCategory } from '@careweave/shared';

/** One step of a category's line: after a rating at `at`, the category stood at `value`. */
export interface ProgressPoint {
  at: string;
  value: number;
  goalText: string;
  rating: number;
}

export interface CategorySeries {
  category: GoalCategory;
  points: ProgressPoint[];
}

/**
 * Per category, how progress moved over time: after each rating, the mean of every goal's
 * latest rating in that category (goals not yet rated are left out, not counted as 0).
 */
export function progressByCategory(goals: Goal[]): CategorySeries[] {
  const byCategory = new Map<GoalCategory, Goal[]>();
  for (const goal of goals) {
    if (goal.progress.length === 0) continue;
    byCategory.set(goal.category, [...(byCategory.get(goal.category) ?? []), goal]);
  }
  const series: CategorySeries[] = [];
  for (const [category, members] of byCategory) {
    const events = members
      .flatMap((goal) => goal.progress.map((entry) => ({ goal, entry })))
      .sort((a, b) => a.entry.at.localeCompare(b.entry.at));
    const latest = new Map<string, number>();
    const points = events.map(({ goal, entry }) => {
      latest.set(goal.id, entry.value);
      const values = [...latest.values()];
      const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
      return {
        at: entry.at,
        value: Math.round(mean * 10) / 10,
        goalText: goal.text,
        rating: entry.value,
      };
    });
    series.push({ category, points });
  }
  return series.sort((a, b) => a.category.localeCompare(b.category));
}

import type * as Y from 'yjs';
import { readActions, readGoals, type GoalCategory, type GoalStatus } from './shared-plan.js';

/** A goal as SQL holds it for dashboards: its latest progress, not the history. */
export interface GoalRow {
  id: string;
  text: string;
  horizon: string;
  category: GoalCategory;
  status: GoalStatus;
  latestProgress: number | null;
  reviewDate: string | null;
}

export interface ProgressRow {
  goalId: string;
  value: number;
  recordedBy: string;
  recordedAt: string;
}

export interface ActionRow {
  id: string;
  text: string;
  ownerId: string | null;
  dueDate: string | null;
  status: string;
  goalId: string | null;
  barrierId: string | null;
}

/** The queryable facts of a shared plan document (DESIGN §2: projected, never edited in SQL). */
export interface PlanProjection {
  goals: GoalRow[];
  progress: ProgressRow[];
  actions: ActionRow[];
}

export function projectSharedPlan(doc: Y.Doc): PlanProjection {
  const goals = readGoals(doc);
  return {
    goals: goals.map((g) => ({
      id: g.id,
      text: g.text,
      horizon: g.horizon,
      category: g.category,
      status: g.status,
      latestProgress: g.progress.at(-1)?.value ?? null,
      reviewDate: g.reviewDate,
    })),
    progress: goals.flatMap((g) =>
      g.progress.map((p) => ({ goalId: g.id, value: p.value, recordedBy: p.by, recordedAt: p.at })),
    ),
    actions: readActions(doc).map((a) => ({
      id: a.id,
      text: a.text,
      ownerId: a.ownerId,
      dueDate: a.dueDate,
      status: a.status,
      goalId: a.link?.kind === 'goal' ? a.link.id : null,
      barrierId: a.link?.kind === 'barrier' ? a.link.id : null,
    })),
  };
}

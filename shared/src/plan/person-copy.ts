import type * as Y from 'yjs';
import { fragmentText } from './rich-text.js';
import {
  GOAL_HORIZONS,
  readActions,
  readBarriers,
  readGoals,
  whatMattersToMe,
  type BarrierKind,
  type GoalCategory,
  type GoalHorizon,
} from './shared-plan.js';

/** A goal as the person's copy gives it: in their words, with their latest rating. */
export interface CopyGoal {
  text: string;
  category: GoalCategory;
  achieved: boolean;
  /** The latest progress rating, 0–10, or null before the first. */
  progress: number | null;
}

/** An action as the person's copy gives it: what, who, by when. */
export interface CopyAction {
  text: string;
  /** Who is doing it; null when nobody has taken it on yet. */
  owner: string | null;
  dueDate: string | null;
  done: boolean;
}

/**
 * The person's own copy of the shared plan (DESIGN §2): what matters to them and what they want,
 * what is in the way and how it will be tackled, and who is doing what. Only the shared
 * document is read: the team's clinical record and notes stay with the team.
 */
export interface PersonCopy {
  /** "What matters to me", a line per paragraph or list item. */
  whatMattersToMe: string[];
  /** Goals by horizon, week first; a horizon with no goals is left out. */
  goals: { horizon: GoalHorizon; goals: CopyGoal[] }[];
  barriers: { text: string; kind: BarrierKind; overcomeBy: string; overcome: boolean }[];
  /** Open actions first, soonest due first; then those done. */
  actions: CopyAction[];
}

/**
 * Builds the person's copy from the shared plan document. Stopped goals and cancelled actions
 * are left out: they are no longer part of the plan. `ownerName` names an action's owner.
 */
export function buildPersonCopy(shared: Y.Doc, ownerName: (userId: string) => string): PersonCopy {
  const goals = readGoals(shared).filter((g) => g.status !== 'stopped');
  const actions = readActions(shared)
    .filter((a) => a.status !== 'cancelled')
    .map((a) => ({
      text: a.text,
      owner: a.ownerId ? ownerName(a.ownerId) : null,
      dueDate: a.dueDate,
      done: a.status === 'done',
    }));
  return {
    whatMattersToMe: fragmentText(whatMattersToMe(shared))
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    goals: GOAL_HORIZONS.map((horizon) => ({
      horizon,
      goals: goals
        .filter((g) => g.horizon === horizon)
        .map((g) => ({
          text: g.text,
          category: g.category,
          achieved: g.status === 'achieved',
          progress: g.progress.at(-1)?.value ?? null,
        })),
    })).filter((h) => h.goals.length > 0),
    barriers: readBarriers(shared).map((b) => ({
      text: b.text,
      kind: b.kind,
      overcomeBy: b.overcomeBy,
      overcome: b.status === 'overcome',
    })),
    actions: [...actions].sort(soonestOpenFirst),
  };
}

/** Open before done; then by due date, undated last; the plan's own order otherwise. */
function soonestOpenFirst(a: CopyAction, b: CopyAction): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

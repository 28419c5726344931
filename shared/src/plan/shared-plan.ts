import * as Y from 'yjs';
import {
  baseFields,
  insertItem,
  moveItem,
  oneOf,
  optional,
  orderedItems,
  patchItem,
  removeItem,
  text,
  findItem,
  type ItemMap,
  type ListItem,
} from './lists.js';
import { planDateOrNull } from './plan-dates.js';

// The shape of `plan:<id>:shared` (DESIGN §2). Top-level names are the contract between the
// editor, the server's projections and the tests: change them only with a migration.

export const GOAL_HORIZONS = ['week', 'month', 'year'] as const;
export const GOAL_CATEGORIES = [
  'wellbeing',
  'physical-health',
  'mental-health',
  'volunteering',
  'employment',
  'finances',
  'housing',
  'social-connection',
  'other',
] as const;
export const GOAL_STATUSES = ['active', 'achieved', 'paused', 'stopped'] as const;
export const BARRIER_KINDS = [
  'medication',
  'social-isolation',
  'debt',
  'housing',
  'mobility',
  'caring-responsibilities',
  'other',
] as const;
export const BARRIER_STATUSES = ['open', 'overcome'] as const;
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;

export type GoalHorizon = (typeof GOAL_HORIZONS)[number];
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type BarrierKind = (typeof BARRIER_KINDS)[number];
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** One progress rating of a goal, 0–10, by whom and when. */
export interface ProgressEntry {
  value: number;
  by: string;
  at: string;
}

export interface Goal extends ListItem {
  text: string;
  horizon: GoalHorizon;
  category: GoalCategory;
  status: GoalStatus;
  /** Oldest first. */
  progress: ProgressEntry[];
  reviewDate: string | null;
}

export interface Barrier extends ListItem {
  text: string;
  kind: BarrierKind;
  goalIds: string[];
  overcomeBy: string;
  status: BarrierStatus;
}

/** What an action is for, if anything. */
export type ActionLink = { kind: 'goal' | 'barrier'; id: string } | null;

export interface Action extends ListItem {
  text: string;
  ownerId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  link: ActionLink;
}

/** Top-level names in the shared document. */
export const SharedPlan = {
  /** "What matters to me", in the person's words: rich text. */
  whatMattersToMe: 'whatMattersToMe',
  goals: 'goals',
  barriers: 'barriers',
  actions: 'actions',
  /** Notes from the care navigator / wellbeing pathway planner: rich text. */
  navigatorNotes: 'navigatorNotes',
  /** Notes from voluntary-sector partners: rich text. */
  partnerNotes: 'partnerNotes',
} as const;

export type SharedRichText = 'whatMattersToMe' | 'navigatorNotes' | 'partnerNotes';

export const goalList = (doc: Y.Doc) => doc.getArray<ItemMap>(SharedPlan.goals);
export const barrierList = (doc: Y.Doc) => doc.getArray<ItemMap>(SharedPlan.barriers);
export const actionList = (doc: Y.Doc) => doc.getArray<ItemMap>(SharedPlan.actions);

/** The rich-text fragment holding "What matters to me". */
export function whatMattersToMe(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SharedPlan.whatMattersToMe);
}

function progressOf(item: ItemMap): ProgressEntry[] {
  const history = item.get('progress');
  if (!(history instanceof Y.Array)) return [];
  return (history.toArray() as ProgressEntry[]).filter(
    (p) => typeof p?.value === 'number' && typeof p.at === 'string',
  );
}

function stringArray(item: ItemMap, key: string): string[] {
  const v = item.get(key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function linkOf(item: ItemMap): ActionLink {
  const v = item.get('link') as { kind?: unknown; id?: unknown } | undefined;
  if (v && (v.kind === 'goal' || v.kind === 'barrier') && typeof v.id === 'string') {
    return { kind: v.kind, id: v.id };
  }
  return null;
}

export function readGoals(doc: Y.Doc): Goal[] {
  return orderedItems(goalList(doc)).map((item) => ({
    ...baseFields(item),
    text: text(item, 'text'),
    horizon: oneOf(item, 'horizon', GOAL_HORIZONS, 'month'),
    category: oneOf(item, 'category', GOAL_CATEGORIES, 'other'),
    status: oneOf(item, 'status', GOAL_STATUSES, 'active'),
    progress: progressOf(item),
    reviewDate: planDateOrNull(item.get('reviewDate')),
  }));
}

/** The ids of a list's items, to leave out links to one removed while they were made. */
const idsOf = (list: Y.Array<ItemMap>) => new Set(list.map((item) => item.get('id')));

export function readBarriers(doc: Y.Doc): Barrier[] {
  const goals = idsOf(goalList(doc));
  return orderedItems(barrierList(doc)).map((item) => ({
    ...baseFields(item),
    text: text(item, 'text'),
    kind: oneOf(item, 'kind', BARRIER_KINDS, 'other'),
    goalIds: stringArray(item, 'goalIds').filter((id) => goals.has(id)),
    overcomeBy: text(item, 'overcomeBy'),
    status: oneOf(item, 'status', BARRIER_STATUSES, 'open'),
  }));
}

export function readActions(doc: Y.Doc): Action[] {
  const linkable = { goal: idsOf(goalList(doc)), barrier: idsOf(barrierList(doc)) };
  const linkTo = (link: ActionLink) => (link && linkable[link.kind].has(link.id) ? link : null);
  return orderedItems(actionList(doc)).map((item) => ({
    ...baseFields(item),
    text: text(item, 'text'),
    ownerId: optional(item, 'ownerId'),
    dueDate: planDateOrNull(item.get('dueDate')),
    status: oneOf(item, 'status', ACTION_STATUSES, 'open'),
    link: linkTo(linkOf(item)),
  }));
}

export type GoalInput = Pick<Goal, 'text' | 'horizon' | 'category'> &
  Partial<Pick<Goal, 'status' | 'reviewDate'>>;
export type BarrierInput = Pick<Barrier, 'text' | 'kind'> &
  Partial<Pick<Barrier, 'goalIds' | 'overcomeBy' | 'status'>>;
export type ActionInput = Pick<Action, 'text'> &
  Partial<Pick<Action, 'ownerId' | 'dueDate' | 'status' | 'link'>>;

/** Adds a goal in the person's words; returns its id. */
export function addGoal(doc: Y.Doc, input: GoalInput, by: string, at = new Date()): string {
  const fields = { status: 'active', reviewDate: '', ...input, progress: new Y.Array() };
  return insertItem(goalList(doc), fields, by, at);
}

export function addBarrier(doc: Y.Doc, input: BarrierInput, by: string, at = new Date()): string {
  const fields = { goalIds: [], overcomeBy: '', status: 'open', ...input };
  return insertItem(barrierList(doc), fields, by, at);
}

export function addAction(doc: Y.Doc, input: ActionInput, by: string, at = new Date()): string {
  const fields = { ownerId: '', dueDate: '', status: 'open', link: null, ...input };
  return insertItem(actionList(doc), fields, by, at);
}

type Editable<T> = Partial<Omit<T, keyof ListItem | 'progress'>>;

export const updateGoal = (doc: Y.Doc, id: string, patch: Editable<Goal>) =>
  patchItem(goalList(doc), id, patch);
export const updateBarrier = (doc: Y.Doc, id: string, patch: Editable<Barrier>) =>
  patchItem(barrierList(doc), id, patch);
export const updateAction = (doc: Y.Doc, id: string, patch: Editable<Action>) =>
  patchItem(actionList(doc), id, patch);

/** Records a progress rating (0–10, whole numbers) against a goal. */
export function recordProgress(
  doc: Y.Doc,
  goalId: string,
  value: number,
  by: string,
  at = new Date(),
): boolean {
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new RangeError('Progress is a whole number from 0 to 10');
  }
  const item = findItem(goalList(doc), goalId);
  const history = item?.get('progress');
  if (!(history instanceof Y.Array)) return false;
  history.push([{ value, by, at: at.toISOString() } satisfies ProgressEntry]);
  return true;
}

/** The list each kind of item lives in, for moving and removing by kind. */
export const SHARED_LISTS = { goal: goalList, barrier: barrierList, action: actionList } as const;
export type SharedListKind = keyof typeof SHARED_LISTS;

export const moveSharedItem = (doc: Y.Doc, kind: SharedListKind, id: string, toIndex: number) =>
  moveItem(SHARED_LISTS[kind](doc), id, toIndex);

/**
 * Removes a goal, barrier or action and, in the same change, the links to it: a barrier's
 * linked goals and an action's "for". The readers also skip a link made to it at the same time.
 */
export function removeSharedItem(doc: Y.Doc, kind: SharedListKind, id: string): boolean {
  let removed = false;
  doc.transact(() => {
    removed = removeItem(SHARED_LISTS[kind](doc), id);
    if (!removed || kind === 'action') return;
    for (const action of actionList(doc)) {
      const link = linkOf(action);
      if (link?.kind === kind && link.id === id) action.set('link', null);
    }
    if (kind !== 'goal') return;
    for (const barrier of barrierList(doc)) {
      const goalIds = stringArray(barrier, 'goalIds');
      const kept = goalIds.filter((g) => g !== id);
      if (kept.length < goalIds.length) barrier.set('goalIds', kept);
    }
  });
  return removed;
}

/** How many barriers and actions link to a goal or barrier, and so lose the link on removal. */
export function linksTo(
  plan: { barriers: Barrier[]; actions: Action[] },
  kind: SharedListKind,
  id: string,
): { barriers: number; actions: number } {
  return {
    barriers: kind === 'goal' ? plan.barriers.filter((b) => b.goalIds.includes(id)).length : 0,
    actions: plan.actions.filter((a) => a.link?.kind === kind && a.link.id === id).length,
  };
}

/** Whether an open action's due date is before `today` (YYYY-MM-DD). */
export function isOverdue(action: Pick<Action, 'status' | 'dueDate'>, today: string): boolean {
  return action.status === 'open' && action.dueDate !== null && action.dueDate < today;
}

/** Every top-level section of the shared document, as lists or rich text (for history). */
export const SHARED_PLAN_SECTIONS: Record<string, 'list' | 'text'> = {
  [SharedPlan.whatMattersToMe]: 'text',
  [SharedPlan.goals]: 'list',
  [SharedPlan.barriers]: 'list',
  [SharedPlan.actions]: 'list',
  [SharedPlan.navigatorNotes]: 'text',
  [SharedPlan.partnerNotes]: 'text',
};

import * as Y from 'yjs';
import type { DocumentKind } from '../documents.js';
import type { Role } from '../roles.js';
import { putBackRestoreNote, restoreDocument } from '../meeting/version-restore.js';
import { goalList, SHARED_PLAN_SECTIONS, SharedPlan } from './shared-plan.js';

/**
 * What a role may change in a shared plan it may write: all of it, or, for a voluntary partner,
 * their own notes and progress on the goals they support (DESIGN §1). The team's goals,
 * barriers, actions and notes, and the person's own words, are the team's to change.
 */
export type SharedPlanEdits = 'all' | 'notes-and-progress';

export function sharedPlanEdits(role: Role): SharedPlanEdits {
  return role === 'voluntary_partner' ? 'notes-and-progress' : 'all';
}

/** Whether someone who may write a document of this kind may change only part of it. */
export function writesPartOnly(role: Role, kind: DocumentKind): boolean {
  return kind === 'plan-shared' && sharedPlanEdits(role) !== 'all';
}

/** Any shared type, as a transaction names those it changed: here only their tree matters. */
type Type = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

function rootOf(type: Type): Type {
  let at = type;
  while (at._item) at = at._item.parent as Type;
  return at;
}

const inPartnerNotes = (type: Type) => Y.findRootTypeKey(rootOf(type)) === SharedPlan.partnerNotes;

/** A goal's progress history: the `progress` array of an item of the top-level goals list. */
function isGoalProgress(type: Type): boolean {
  const goal = type._item;
  if (!goal || goal.parentSub !== 'progress') return false;
  const list = (goal.parent as Type)._item?.parent as Type | undefined;
  return !!list && !list._item && Y.findRootTypeKey(list) === SharedPlan.goals;
}

/** What a room does with an update from someone who may change only part of a document. */
export type LimitedUpdate =
  | { verdict: 'within' }
  /** It builds on what the document lacks, so what it would change is not known: dropped. */
  | { verdict: 'incomplete' }
  /**
   * It changes more than they may. It is applied, so that their later edits, which build on
   * it, still apply, and then `undo` puts back what it changed, as a change of its own.
   */
  | { verdict: 'beyond'; undo: (doc: Y.Doc) => void };

/** The sections a partner may not change, as a restore sees them. */
const TEAM_SECTIONS = Object.fromEntries(
  Object.entries(SHARED_PLAN_SECTIONS).filter(([name]) => name !== SharedPlan.partnerNotes),
);

/**
 * Puts back, in their places, the progress ratings a goal had in `before` and lacks now. A
 * restore leaves progress as it finds it, as a record of what was measured; a partner may only
 * add to that record, so what they took from it is returned.
 */
function putBackProgress(target: Y.Doc, before: Y.Doc): void {
  const goalsNow = new Map(goalList(target).map((goal) => [goal.get('id'), goal]));
  for (const goal of goalList(before)) {
    const was = goal.get('progress');
    const now = goalsNow.get(goal.get('id'));
    if (!(was instanceof Y.Array) || !now) continue;
    let history = now.get('progress');
    if (!(history instanceof Y.Array)) {
      history = new Y.Array<unknown>();
      now.set('progress', history);
    }
    const entries = history as Y.Array<unknown>;
    let at = 0;
    for (const entry of was.toArray()) {
      const key = JSON.stringify(entry);
      const found = entries.toArray().findIndex((e, i) => i >= at && JSON.stringify(e) === key);
      if (found >= 0) {
        at = found + 1;
      } else {
        entries.insert(at, [entry]);
        at += 1;
      }
    }
  }
}

/**
 * Whether `update` would change nothing in `doc` but the partner notes, and add progress to
 * goals without taking any away. It is tried on a copy, since an update once applied cannot be
 * taken back.
 */
export function checkPartnerUpdate(doc: Y.Doc, update: Uint8Array): LimitedUpdate {
  const state = Y.encodeStateAsUpdate(doc);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, state);
  const waiting = [copy.store.pendingStructs, copy.store.pendingDs];
  let within = true;
  copy.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      if (!inPartnerNotes(type) && !isGoalProgress(type)) within = false;
    }
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (struct instanceof Y.Item && !inPartnerNotes(struct.parent as Type)) within = false;
    });
  });
  Y.applyUpdate(copy, update);
  const stillWaiting = [copy.store.pendingStructs, copy.store.pendingDs];
  copy.destroy();
  // Held back until what it builds on arrives, it would be applied under someone else's change.
  if (stillWaiting.some((now, i) => now !== waiting[i])) return { verdict: 'incomplete' };
  if (within) return { verdict: 'within' };
  return {
    verdict: 'beyond',
    undo: (target) => {
      const before = new Y.Doc();
      Y.applyUpdate(before, state);
      target.transact(() => {
        restoreDocument(target, before, TEAM_SECTIONS);
        putBackProgress(target, before);
        // Only the server writes who restored a version: a partner's would be a false notice.
        putBackRestoreNote(target, before);
      });
      before.destroy();
    },
  };
}

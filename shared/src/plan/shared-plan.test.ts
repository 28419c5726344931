import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  actionList,
  addAction,
  addBarrier,
  addGoal,
  barrierList,
  isOverdue,
  linksTo,
  moveSharedItem,
  readActions,
  readBarriers,
  readGoals,
  recordProgress,
  removeSharedItem,
  SHARED_PLAN_SECTIONS,
  SharedPlan,
  updateAction,
  updateBarrier,
  updateGoal,
} from './shared-plan.js';

const AT = new Date('2025-03-01T09:00:00.000Z');
const LATER = new Date('2025-03-08T14:30:00.000Z');

function syncBoth(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('shared plan goals', () => {
  it('adds a goal with defaults and reads it back', () => {
    const doc = new Y.Doc();
    const id = addGoal(
      doc,
      { text: 'Walk to the shops on my own', horizon: 'month', category: 'physical-health' },
      'navigator-1',
      AT,
    );
    expect(readGoals(doc)).toEqual([
      {
        id,
        position: 1,
        createdBy: 'navigator-1',
        createdAt: AT.toISOString(),
        text: 'Walk to the shops on my own',
        horizon: 'month',
        category: 'physical-health',
        status: 'active',
        progress: [],
        reviewDate: null,
      },
    ]);
  });

  it('updates a goal’s text, status and review date, and nothing else', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { text: 'Walk', horizon: 'week', category: 'wellbeing' }, 'u1', AT);
    expect(
      updateGoal(doc, id, {
        text: 'Walk to the park',
        status: 'achieved',
        reviewDate: '2025-05-01',
      }),
    ).toBe(true);
    const [goal] = readGoals(doc);
    expect(goal).toMatchObject({
      id,
      text: 'Walk to the park',
      status: 'achieved',
      reviewDate: '2025-05-01',
      horizon: 'week',
      category: 'wellbeing',
      createdBy: 'u1',
    });
    expect(updateGoal(doc, 'no-such-goal', { text: 'x' })).toBe(false);
  });

  it('records progress as a history of who rated it and when, oldest first', () => {
    const doc = new Y.Doc();
    const id = addGoal(
      doc,
      { text: 'Sleep', horizon: 'month', category: 'mental-health' },
      'u1',
      AT,
    );
    expect(recordProgress(doc, id, 3, 'nurse-1', AT)).toBe(true);
    expect(recordProgress(doc, id, 0, 'gp-1', LATER)).toBe(true);
    expect(recordProgress(doc, id, 10, 'nurse-1', LATER)).toBe(true);
    expect(readGoals(doc)[0]!.progress).toEqual([
      { value: 3, by: 'nurse-1', at: AT.toISOString() },
      { value: 0, by: 'gp-1', at: LATER.toISOString() },
      { value: 10, by: 'nurse-1', at: LATER.toISOString() },
    ]);
  });

  it('refuses progress outside 0–10 or not whole, writing nothing', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { text: 'Sleep', horizon: 'month', category: 'other' }, 'u1', AT);
    for (const bad of [-1, 11, 2.5, Number.NaN]) {
      expect(() => recordProgress(doc, id, bad, 'u1', AT)).toThrow(RangeError);
    }
    expect(readGoals(doc)[0]!.progress).toEqual([]);
    expect(recordProgress(doc, 'no-such-goal', 5, 'u1', AT)).toBe(false);
  });

  it('keeps both ratings when two people record progress at once', () => {
    const nurse = new Y.Doc();
    const gp = new Y.Doc();
    const id = addGoal(nurse, { text: 'Sleep', horizon: 'month', category: 'other' }, 'u1', AT);
    syncBoth(nurse, gp);
    recordProgress(nurse, id, 4, 'nurse-1', AT);
    recordProgress(gp, id, 6, 'gp-1', AT);
    syncBoth(nurse, gp);
    for (const doc of [nurse, gp]) {
      const history = readGoals(doc)[0]!.progress;
      expect(history.map((p) => `${p.by}:${p.value}`).sort()).toEqual(['gp-1:6', 'nurse-1:4']);
    }
    expect(readGoals(nurse)[0]!.progress).toEqual(readGoals(gp)[0]!.progress);
  });

  it('moves and removes goals by kind', () => {
    const doc = new Y.Doc();
    const ids = ['A', 'B', 'C'].map((t) =>
      addGoal(doc, { text: t, horizon: 'week', category: 'other' }, 'u1', AT),
    );
    expect(moveSharedItem(doc, 'goal', ids[2]!, 0)).toBe(true);
    expect(readGoals(doc).map((g) => g.text)).toEqual(['C', 'A', 'B']);
    expect(removeSharedItem(doc, 'goal', ids[0]!)).toBe(true);
    expect(readGoals(doc).map((g) => g.text)).toEqual(['C', 'B']);
    // Kinds are separate lists: a goal id means nothing among actions.
    expect(moveSharedItem(doc, 'action', ids[1]!, 0)).toBe(false);
    expect(removeSharedItem(doc, 'barrier', ids[1]!)).toBe(false);
  });

  it('removes the links to a removed goal or barrier in the same change', () => {
    const doc = new Y.Doc();
    const walk = addGoal(doc, { text: 'Walk', horizon: 'week', category: 'other' }, 'u1', AT);
    const choir = addGoal(doc, { text: 'Choir', horizon: 'year', category: 'other' }, 'u1', AT);
    const fear = addBarrier(doc, { text: 'Fear', kind: 'mobility', goalIds: [walk, choir] }, 'u1');
    const forWalk = addAction(doc, { text: 'Book', link: { kind: 'goal', id: walk } }, 'u1');
    const forFear = addAction(doc, { text: 'Class', link: { kind: 'barrier', id: fear } }, 'u1');
    const plan = () => ({ barriers: readBarriers(doc), actions: readActions(doc) });
    expect(linksTo(plan(), 'goal', walk)).toEqual({ barriers: 1, actions: 1 });
    expect(linksTo(plan(), 'barrier', fear)).toEqual({ barriers: 0, actions: 1 });

    let changes = 0;
    doc.on('update', () => changes++);
    expect(removeSharedItem(doc, 'goal', walk)).toBe(true);
    expect(changes).toBe(1);
    expect(readBarriers(doc)[0]!.goalIds).toEqual([choir]);
    expect(barrierList(doc).get(0).get('goalIds')).toEqual([choir]);
    expect(readActions(doc).find((a) => a.id === forWalk)!.link).toBeNull();

    expect(removeSharedItem(doc, 'barrier', fear)).toBe(true);
    expect(readActions(doc).map((a) => [a.id, a.link])).toEqual([
      [forWalk, null],
      [forFear, null],
    ]);
    expect(actionList(doc).get(1).get('link')).toBeNull();
  });

  it('reads a link made while its goal or barrier was being removed as no link', () => {
    const nurse = new Y.Doc();
    const gp = new Y.Doc();
    const goal = addGoal(nurse, { text: 'Walk', horizon: 'week', category: 'other' }, 'u1', AT);
    const barrier = addBarrier(nurse, { text: 'Fear', kind: 'mobility' }, 'u1', AT);
    const action = addAction(nurse, { text: 'Book' }, 'u1', AT);
    syncBoth(nurse, gp);
    removeSharedItem(nurse, 'goal', goal);
    updateBarrier(gp, barrier, { goalIds: [goal] });
    updateAction(gp, action, { link: { kind: 'goal', id: goal } });
    syncBoth(nurse, gp);
    for (const doc of [nurse, gp]) {
      expect(readBarriers(doc)[0]!.goalIds).toEqual([]);
      expect(readActions(doc)[0]!.link).toBeNull();
    }
  });

  it('reads unknown horizon, category and status values as safe defaults', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { text: 'x', horizon: 'week', category: 'housing' }, 'u1', AT);
    const item = doc.getArray<Y.Map<unknown>>(SharedPlan.goals).get(0);
    item.set('horizon', 'decade');
    item.set('category', 'astrology');
    item.set('status', 'forgotten');
    expect(readGoals(doc)[0]).toMatchObject({
      id,
      horizon: 'month',
      category: 'other',
      status: 'active',
    });
  });
});

describe('shared plan barriers', () => {
  it('adds a barrier linked to goals and updates its plan and status', () => {
    const doc = new Y.Doc();
    const goalId = addGoal(
      doc,
      { text: 'Work', horizon: 'year', category: 'employment' },
      'u1',
      AT,
    );
    const id = addBarrier(
      doc,
      { text: 'Gas arrears', kind: 'debt', goalIds: [goalId] },
      'sw-1',
      AT,
    );
    expect(readBarriers(doc)).toEqual([
      {
        id,
        position: 1,
        createdBy: 'sw-1',
        createdAt: AT.toISOString(),
        text: 'Gas arrears',
        kind: 'debt',
        goalIds: [goalId],
        overcomeBy: '',
        status: 'open',
      },
    ]);
    expect(
      updateBarrier(doc, id, { overcomeBy: 'Citizens Advice appointment', status: 'overcome' }),
    ).toBe(true);
    expect(readBarriers(doc)[0]).toMatchObject({
      overcomeBy: 'Citizens Advice appointment',
      status: 'overcome',
      kind: 'debt',
      goalIds: [goalId],
    });
    expect(updateBarrier(doc, 'no-such-barrier', { status: 'overcome' })).toBe(false);
  });
});

describe('shared plan actions', () => {
  it('adds an action with no owner, due date or link as nulls', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { text: 'Phone the library' }, 'nav-1', AT);
    expect(readActions(doc)).toEqual([
      {
        id,
        position: 1,
        createdBy: 'nav-1',
        createdAt: AT.toISOString(),
        text: 'Phone the library',
        ownerId: null,
        dueDate: null,
        status: 'open',
        link: null,
      },
    ]);
  });

  it('adds an owned, dated action linked to a goal, and marks it done', () => {
    const doc = new Y.Doc();
    const goalId = addGoal(doc, { text: 'Walk', horizon: 'week', category: 'other' }, 'u1', AT);
    const barrierId = addBarrier(doc, { text: 'Knee', kind: 'mobility' }, 'u1', AT);
    const id = addAction(
      doc,
      {
        text: 'Book physio',
        ownerId: 'nurse-1',
        dueDate: '2025-03-10',
        link: { kind: 'goal', id: goalId },
      },
      'nav-1',
      AT,
    );
    expect(readActions(doc)[0]).toMatchObject({
      id,
      ownerId: 'nurse-1',
      dueDate: '2025-03-10',
      status: 'open',
      link: { kind: 'goal', id: goalId },
    });
    expect(
      updateAction(doc, id, { status: 'done', link: { kind: 'barrier', id: barrierId } }),
    ).toBe(true);
    expect(readActions(doc)[0]).toMatchObject({
      status: 'done',
      link: { kind: 'barrier', id: barrierId },
      ownerId: 'nurse-1',
    });
    expect(updateAction(doc, 'no-such-action', { status: 'done' })).toBe(false);
  });

  it('reads a malformed link as no link', () => {
    const doc = new Y.Doc();
    addAction(doc, { text: 'x' }, 'u1', AT);
    doc.getArray<Y.Map<unknown>>(SharedPlan.actions).get(0).set('link', { kind: 'meeting', id: 1 });
    expect(readActions(doc)[0]!.link).toBeNull();
  });

  it('calls an open action overdue only when its due date has passed', () => {
    const today = '2025-03-10';
    expect(isOverdue({ status: 'open', dueDate: '2025-03-09' }, today)).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2024-12-31' }, today)).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2025-03-10' }, today)).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '2025-03-11' }, today)).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, today)).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2025-03-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueDate: '2025-03-01' }, today)).toBe(false);
  });
});

describe('shared plan sections', () => {
  it('names every top-level type as a list or rich text', () => {
    expect(SHARED_PLAN_SECTIONS).toEqual({
      whatMattersToMe: 'text',
      goals: 'list',
      barriers: 'list',
      actions: 'list',
      navigatorNotes: 'text',
      partnerNotes: 'text',
    });
    expect(Object.keys(SHARED_PLAN_SECTIONS).sort()).toEqual(Object.values(SharedPlan).sort());
  });
});

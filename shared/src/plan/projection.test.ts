import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectSharedPlan } from './projection.js';
import {
  addAction,
  addBarrier,
  addGoal,
  moveSharedItem,
  readActions,
  readGoals,
  recordProgress,
  removeSharedItem,
  updateAction,
  updateGoal,
} from './shared-plan.js';

const AT = new Date('2025-03-01T09:00:00.000Z');
const LATER = new Date('2025-03-15T16:00:00.000Z');

describe('projecting a shared plan into rows', () => {
  it('gives no rows for an empty document', () => {
    expect(projectSharedPlan(new Y.Doc())).toEqual({ goals: [], progress: [], actions: [] });
  });

  it('projects goals with their latest progress, every rating, and actions with links', () => {
    const doc = new Y.Doc();
    const walk = addGoal(
      doc,
      { text: 'Walk', horizon: 'month', category: 'physical-health' },
      'n',
      AT,
    );
    const work = addGoal(
      doc,
      { text: 'Work', horizon: 'year', category: 'employment', reviewDate: '2025-06-01' },
      'n',
      AT,
    );
    recordProgress(doc, walk, 2, 'nurse-1', AT);
    recordProgress(doc, walk, 5, 'gp-1', LATER);
    updateGoal(doc, work, { status: 'paused' });
    const debt = addBarrier(doc, { text: 'Debt', kind: 'debt' }, 'sw', AT);
    const physio = addAction(
      doc,
      {
        text: 'Book physio',
        ownerId: 'nurse-1',
        dueDate: '2025-03-10',
        link: { kind: 'goal', id: walk },
      },
      'n',
      AT,
    );
    const advice = addAction(
      doc,
      { text: 'Citizens Advice', ownerId: 'sw-1', link: { kind: 'barrier', id: debt } },
      'n',
      AT,
    );
    const library = addAction(doc, { text: 'Library card' }, 'n', AT);
    updateAction(doc, library, { status: 'done' });

    expect(projectSharedPlan(doc)).toEqual({
      goals: [
        {
          id: walk,
          text: 'Walk',
          horizon: 'month',
          category: 'physical-health',
          status: 'active',
          latestProgress: 5,
          reviewDate: null,
        },
        {
          id: work,
          text: 'Work',
          horizon: 'year',
          category: 'employment',
          status: 'paused',
          latestProgress: null,
          reviewDate: '2025-06-01',
        },
      ],
      progress: [
        { goalId: walk, value: 2, recordedBy: 'nurse-1', recordedAt: AT.toISOString() },
        { goalId: walk, value: 5, recordedBy: 'gp-1', recordedAt: LATER.toISOString() },
      ],
      actions: [
        {
          id: physio,
          text: 'Book physio',
          ownerId: 'nurse-1',
          dueDate: '2025-03-10',
          status: 'open',
          goalId: walk,
          barrierId: null,
        },
        {
          id: advice,
          text: 'Citizens Advice',
          ownerId: 'sw-1',
          dueDate: null,
          status: 'open',
          goalId: null,
          barrierId: debt,
        },
        {
          id: library,
          text: 'Library card',
          ownerId: null,
          dueDate: null,
          status: 'done',
          goalId: null,
          barrierId: null,
        },
      ],
    });
  });

  it('matches the document after two peers edit it at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const shared = addGoal(
      a,
      { text: 'Sleep', horizon: 'week', category: 'mental-health' },
      'n',
      AT,
    );
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    addAction(a, { text: 'From A', ownerId: 'a' }, 'a', AT);
    const fromB = addAction(b, { text: 'From B', ownerId: 'b' }, 'b', AT);
    moveSharedItem(b, 'action', fromB, 0);
    updateGoal(a, shared, { text: 'Sleep through' });
    recordProgress(b, shared, 7, 'b', LATER);
    const gone = addGoal(b, { text: 'Gone', horizon: 'week', category: 'other' }, 'b', AT);
    removeSharedItem(b, 'goal', gone);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));

    const projection = projectSharedPlan(a);
    expect(projectSharedPlan(b)).toEqual(projection);
    expect(projection.goals.map((g) => [g.id, g.text, g.latestProgress])).toEqual(
      readGoals(a).map((g) => [g.id, g.text, g.progress.at(-1)?.value ?? null]),
    );
    expect(projection.goals.map((g) => g.text)).toEqual(['Sleep through']);
    expect(projection.actions.map((r) => [r.id, r.text, r.ownerId, r.status])).toEqual(
      readActions(a).map((x) => [x.id, x.text, x.ownerId, x.status]),
    );
    expect(projection.actions.map((r) => r.text).sort()).toEqual(['From A', 'From B']);
    expect(projection.progress).toEqual([
      { goalId: shared, value: 7, recordedBy: 'b', recordedAt: LATER.toISOString() },
    ]);
  });
});

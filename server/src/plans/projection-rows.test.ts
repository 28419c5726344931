import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, addGoal, projectSharedPlan, recordProgress } from '@careweave/shared';
import { projectionRows } from './projection-rows.js';

const PLAN = '00000000-0000-4000-8000-0000000000aa';
const NURSE = '00000000-0000-4000-8000-0000000000bb';

describe('projectionRows', () => {
  it('turns a shared plan into goal, progress and action rows for that plan', () => {
    const doc = new Y.Doc();
    const goal = addGoal(
      doc,
      {
        text: 'Walk to the shops',
        horizon: 'month',
        category: 'physical-health',
        reviewDate: '2026-12-01',
      },
      NURSE,
    );
    recordProgress(doc, goal, 4, NURSE, new Date('2026-11-01T10:00:00Z'));
    recordProgress(doc, goal, 6, NURSE, new Date('2026-11-20T10:00:00Z'));
    addAction(
      doc,
      {
        text: 'Book physio',
        ownerId: NURSE,
        dueDate: '2026-11-30',
        link: { kind: 'goal', id: goal },
      },
      NURSE,
    );

    const rows = projectionRows(PLAN, projectSharedPlan(doc));
    expect(rows.goals).toEqual([
      expect.objectContaining({
        planId: PLAN,
        goalId: goal,
        latestProgress: 6,
        reviewDate: '2026-12-01',
      }),
    ]);
    expect(rows.progress.map((p) => [p.value, p.recordedBy, p.recordedAt.toISOString()])).toEqual([
      [4, NURSE, '2026-11-01T10:00:00.000Z'],
      [6, NURSE, '2026-11-20T10:00:00.000Z'],
    ]);
    expect(rows.actions).toEqual([
      expect.objectContaining({
        ownerId: NURSE,
        dueDate: '2026-11-30',
        goalId: goal,
        barrierId: null,
        status: 'open',
      }),
    ]);
  });

  it('nulls values a browser wrote that the columns cannot hold, and skips duplicate ids', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { text: 'x', ownerId: 'not-a-user', dueDate: '2026-02-30' }, NURSE);
    const twin = new Y.Map<unknown>();
    twin.set('id', id);
    twin.set('text', 'copy');
    doc.getArray<Y.Map<unknown>>('actions').push([twin]);

    const { actions } = projectionRows(PLAN, projectSharedPlan(doc));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ ownerId: null, dueDate: null });
  });

  it('drops NUL characters, and dates no column or person could mean', () => {
    const doc = new Y.Doc();
    const goal = addGoal(
      doc,
      { text: 'Walk\u0000 to the shops', horizon: 'month', category: 'wellbeing' },
      NURSE,
    );
    recordProgress(doc, goal, 3, NURSE, new Date('-010000-01-01T00:00:00.000Z'));
    recordProgress(doc, goal, 4, NURSE, new Date('2026-11-01T10:00:00Z'));
    addAction(doc, { text: 'Year nought', dueDate: '0000-01-01' }, NURSE);
    addAction(doc, { text: 'Far off', dueDate: '2201-01-01' }, NURSE);
    addAction(doc, { text: 'Bad\u0000 link', link: { kind: 'goal', id: 'g\u0000' } }, NURSE);
    const nulId = new Y.Map<unknown>();
    nulId.set('id', 'a\u0000');
    nulId.set('text', 'Keyed by hand');
    doc.getArray<Y.Map<unknown>>('actions').push([nulId]);

    const rows = projectionRows(PLAN, projectSharedPlan(doc));
    expect(rows.goals.map((g) => g.text)).toEqual(['Walk to the shops']);
    expect(rows.progress.map((p) => p.value)).toEqual([4]);
    expect(rows.actions.map((a) => [a.text, a.dueDate, a.goalId])).toEqual([
      ['Year nought', null, null],
      ['Far off', null, null],
      ['Bad link', null, null],
    ]);
  });
});

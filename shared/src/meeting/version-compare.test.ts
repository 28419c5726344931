import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraphs } from '../plan/rich-text.js';
import {
  SHARED_PLAN_SECTIONS,
  addAction,
  addGoal,
  removeSharedItem,
  updateAction,
  whatMattersToMe,
} from '../plan/shared-plan.js';
import { compareDocuments } from './version-compare.js';

function signedOffPlan() {
  const doc = new Y.Doc();
  appendParagraphs(whatMattersToMe(doc), ['Walking to the shops.']);
  const goal = addGoal(
    doc,
    { text: 'Walk to the shops', horizon: 'month', category: 'physical-health' },
    'nav',
  );
  const action = addAction(doc, { text: 'Book physio', ownerId: 'nurse' }, 'nurse');
  return { doc, goal, action };
}

const copy = (doc: Y.Doc) => {
  const next = new Y.Doc();
  Y.applyUpdate(next, Y.encodeStateAsUpdate(doc));
  return next;
};

describe('compareDocuments', () => {
  it('reports nothing changed for identical states', () => {
    const { doc } = signedOffPlan();
    const sections = compareDocuments(doc, copy(doc), SHARED_PLAN_SECTIONS);
    for (const s of sections) {
      if (s.kind === 'text') expect(s.changed).toBe(false);
      else expect([s.added, s.removed, s.changed]).toEqual([[], [], []]);
    }
  });

  it('shows text before and after, and list items added, removed and changed', () => {
    const { doc: version, goal, action } = signedOffPlan();
    const now = copy(version);
    appendParagraphs(whatMattersToMe(now), ['Seeing my grandchildren.']);
    removeSharedItem(now, 'goal', goal);
    updateAction(now, action, { status: 'done', dueDate: '2026-12-01' });
    const added = addAction(now, { text: 'Ring the library' }, 'nav');

    const byName = new Map(
      compareDocuments(version, now, SHARED_PLAN_SECTIONS).map((s) => [s.section, s]),
    );
    expect(byName.get('whatMattersToMe')).toEqual({
      section: 'whatMattersToMe',
      kind: 'text',
      before: 'Walking to the shops.',
      after: 'Walking to the shops.\nSeeing my grandchildren.',
      changed: true,
    });
    const goals = byName.get('goals');
    expect(goals?.kind === 'list' && goals.removed.map((g) => g.text)).toEqual([
      'Walk to the shops',
    ]);
    const actions = byName.get('actions');
    if (actions?.kind !== 'list') throw new Error('actions is a list');
    expect(actions.added.map((a) => a.id)).toEqual([added]);
    expect(actions.changed).toEqual([
      {
        id: action,
        label: 'Book physio',
        fields: [
          { field: 'dueDate', before: '', after: '2026-12-01' },
          { field: 'status', before: 'open', after: 'done' },
        ],
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMedication,
  CLINICAL_PLAN_SECTIONS,
  removeMedication,
  reviewMedication,
} from './clinical-plan.js';
import { summariseChanges, type LoggedUpdate } from './history.js';
import { appendParagraphs } from './rich-text.js';
import {
  addAction,
  addGoal,
  recordProgress,
  removeSharedItem,
  SHARED_PLAN_SECTIONS,
  SharedPlan,
  updateGoal,
} from './shared-plan.js';

const AT = new Date('2025-03-01T09:00:00.000Z');

/**
 * A room in miniature: each author edits their own replica, and what they send is logged
 * under their name with a clock that ticks a minute per update.
 */
function room() {
  const server = new Y.Doc();
  const log: LoggedUpdate[] = [];
  let minute = 0;
  const replicas = new Map<string, Y.Doc>();
  return {
    log,
    /** Runs `edit` on `authorId`'s replica (brought up to date first) and logs what it sent. */
    edit(authorId: string, edit: (doc: Y.Doc) => void) {
      const doc = replicas.get(authorId) ?? new Y.Doc();
      replicas.set(authorId, doc);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
      const before = Y.encodeStateVector(server);
      edit(doc);
      const update = Y.encodeStateAsUpdate(doc, before);
      Y.applyUpdate(server, update);
      log.push({
        update,
        authorId,
        at: new Date(AT.getTime() + ++minute * 60_000).toISOString(),
      });
    },
    /** The log so far as base updates (e.g. before the last sign-off); clears it. */
    takeBase(): Uint8Array[] {
      return log.splice(0).map((entry) => entry.update);
    },
  };
}

describe('summarising changes from the update log', () => {
  it('names the author of an added goal and the colleague who then edited it', () => {
    const r = room();
    let goalId = '';
    r.edit('navigator', (doc) => {
      goalId = addGoal(doc, { text: 'Walk', horizon: 'month', category: 'other' }, 'navigator');
    });
    r.edit('nurse', (doc) => updateGoal(doc, goalId, { text: 'Walk to the shops' }));

    expect(summariseChanges([], r.log, SHARED_PLAN_SECTIONS)).toEqual([
      {
        section: 'goals',
        itemId: goalId,
        label: 'Walk to the shops',
        kind: 'added',
        authorIds: ['navigator', 'nurse'],
        lastAt: r.log[1]!.at,
      },
    ]);
  });

  it('calls an item from the base "edited" and names only the later authors', () => {
    const r = room();
    let goalId = '';
    let untouched = '';
    r.edit('navigator', (doc) => {
      goalId = addGoal(doc, { text: 'Sleep', horizon: 'week', category: 'other' }, 'navigator');
      untouched = addGoal(doc, { text: 'Garden', horizon: 'year', category: 'other' }, 'navigator');
    });
    const base = r.takeBase();
    r.edit('nurse', (doc) => recordProgress(doc, goalId, 6, 'nurse'));
    r.edit('gp', (doc) => updateGoal(doc, goalId, { status: 'achieved' }));

    const changes = summariseChanges(base, r.log, SHARED_PLAN_SECTIONS);
    expect(changes).toEqual([
      {
        section: 'goals',
        itemId: goalId,
        label: 'Sleep',
        kind: 'edited',
        authorIds: ['nurse', 'gp'],
        lastAt: r.log[1]!.at,
      },
    ]);
    expect(changes.some((c) => c.itemId === untouched)).toBe(false);
  });

  it('reports a removed item with its last label and who removed it', () => {
    const r = room();
    let actionId = '';
    r.edit('navigator', (doc) => {
      actionId = addAction(doc, { text: 'Phone the library' }, 'navigator', AT);
    });
    const base = r.takeBase();
    r.edit('gp', (doc) => removeSharedItem(doc, 'action', actionId));

    expect(summariseChanges(base, r.log, SHARED_PLAN_SECTIONS)).toEqual([
      {
        section: 'actions',
        itemId: actionId,
        label: 'Phone the library',
        kind: 'removed',
        authorIds: ['gp'],
        lastAt: r.log[0]!.at,
      },
    ]);
  });

  it('reports a medication removed from the clinical record by the colleague who removed it', () => {
    const r = room();
    let medicationId = '';
    r.edit('pharmacist', (doc) => {
      medicationId = addMedication(
        doc,
        { name: 'Sertraline', dose: '50 mg', frequency: 'Daily' },
        'pharmacist',
        AT,
      );
    });
    const base = r.takeBase();
    r.edit('gp', (doc) => removeMedication(doc, medicationId));

    expect(summariseChanges(base, r.log, CLINICAL_PLAN_SECTIONS)).toEqual([
      {
        section: 'medications',
        itemId: medicationId,
        label: 'Sertraline',
        kind: 'removed',
        authorIds: ['gp'],
        lastAt: r.log[0]!.at,
      },
    ]);
  });

  it('reports an item added and removed in the period once, as removed, by both', () => {
    const r = room();
    let kept = '';
    let dropped = '';
    r.edit('navigator', (doc) => {
      kept = addGoal(doc, { text: 'Kept', horizon: 'week', category: 'other' }, 'navigator');
      dropped = addGoal(doc, { text: 'Dropped', horizon: 'week', category: 'other' }, 'navigator');
    });
    r.edit('nurse', (doc) => removeSharedItem(doc, 'goal', dropped));

    const changes = summariseChanges([], r.log, SHARED_PLAN_SECTIONS);
    expect(changes).toHaveLength(2);
    expect(changes).toContainEqual({
      section: 'goals',
      itemId: dropped,
      label: 'Dropped',
      kind: 'removed',
      authorIds: ['navigator', 'nurse'],
      lastAt: r.log[1]!.at,
    });
    expect(changes).toContainEqual(
      expect.objectContaining({ itemId: kept, kind: 'added', authorIds: ['navigator'] }),
    );
  });

  it('names the author of each rich-text section separately', () => {
    const r = room();
    r.edit('navigator', (doc) =>
      appendParagraphs(doc.getXmlFragment(SharedPlan.navigatorNotes), ['Met at the library']),
    );
    r.edit('partner', (doc) =>
      appendParagraphs(doc.getXmlFragment(SharedPlan.partnerNotes), ['Came to peer support']),
    );
    r.edit('navigator', (doc) =>
      appendParagraphs(doc.getXmlFragment(SharedPlan.navigatorNotes), ['Follow-up booked']),
    );

    const changes = summariseChanges([], r.log, SHARED_PLAN_SECTIONS);
    expect(changes).toEqual([
      {
        section: 'navigatorNotes',
        itemId: null,
        label: null,
        kind: 'edited',
        authorIds: ['navigator'],
        lastAt: r.log[2]!.at,
      },
      {
        section: 'partnerNotes',
        itemId: null,
        label: null,
        kind: 'edited',
        authorIds: ['partner'],
        lastAt: r.log[1]!.at,
      },
    ]);
  });

  it('lists changes newest first and leaves out sections nobody touched', () => {
    const r = room();
    let first = '';
    let second = '';
    r.edit('navigator', (doc) => {
      first = addGoal(doc, { text: 'First', horizon: 'week', category: 'other' }, 'navigator');
    });
    r.edit('nurse', (doc) => {
      second = addAction(doc, { text: 'Second', ownerId: 'nurse' }, 'nurse');
    });
    r.edit('gp', (doc) => appendParagraphs(doc.getXmlFragment(SharedPlan.whatMattersToMe), ['Hi']));

    const changes = summariseChanges([], r.log, SHARED_PLAN_SECTIONS);
    expect(changes.map((c) => [c.section, c.itemId, c.authorIds])).toEqual([
      ['whatMattersToMe', null, ['gp']],
      ['actions', second, ['nurse']],
      ['goals', first, ['navigator']],
    ]);
  });

  it('says nothing changed when there are no updates after the base', () => {
    const r = room();
    r.edit('navigator', (doc) =>
      addGoal(doc, { text: 'x', horizon: 'week', category: 'other' }, 'n'),
    );
    expect(summariseChanges(r.takeBase(), [], SHARED_PLAN_SECTIONS)).toEqual([]);
  });

  it('keeps an update with no known author without inventing one', () => {
    const r = room();
    r.edit('navigator', (doc) =>
      addGoal(doc, { text: 'x', horizon: 'week', category: 'other' }, 'n'),
    );
    r.log[0]!.authorId = null;
    const [change] = summariseChanges([], r.log, SHARED_PLAN_SECTIONS);
    expect(change).toMatchObject({ section: 'goals', kind: 'added', authorIds: [] });
  });

  it('names who reviewed a medicine in the clinical document', () => {
    const r = room();
    let medicine = '';
    r.edit('gp', (doc) => {
      medicine = addMedication(doc, { name: 'Metformin', dose: '500 mg', frequency: 'bd' }, 'gp');
    });
    const base = r.takeBase();
    r.edit('pharmacist', (doc) => reviewMedication(doc, medicine, 'changed', 'pharmacist'));

    expect(summariseChanges(base, r.log, CLINICAL_PLAN_SECTIONS)).toEqual([
      {
        section: 'medications',
        itemId: medicine,
        label: 'Metformin',
        kind: 'edited',
        authorIds: ['pharmacist'],
        lastAt: r.log[0]!.at,
      },
    ]);
  });
});

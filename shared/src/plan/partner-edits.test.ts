import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRestoreNote, restoreDocument } from '../meeting/version-restore.js';
import { checkPartnerUpdate, sharedPlanEdits } from './partner-edits.js';
import {
  addAction,
  addGoal,
  readActions,
  readGoals,
  recordProgress,
  removeSharedItem,
  SHARED_PLAN_SECTIONS,
  SharedPlan,
  updateGoal,
} from './shared-plan.js';

/** A plan the team wrote, and a partner's copy of it to edit. */
function planAndPartnerCopy() {
  const plan = new Y.Doc();
  const goalId = addGoal(
    plan,
    { text: 'Walk to the shops on my own', horizon: 'month', category: 'physical-health' },
    'nurse-1',
  );
  recordProgress(plan, goalId, 3, 'nurse-1');
  const actionId = addAction(plan, { text: 'Check blood pressure' }, 'nurse-1');
  const partner = new Y.Doc();
  Y.applyUpdate(partner, Y.encodeStateAsUpdate(plan));
  return { plan, partner, goalId, actionId };
}

/** What the partner's edit sends: the update it makes to their copy. */
function editBy(partner: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(partner);
  edit(partner);
  return Y.encodeStateAsUpdate(partner, before);
}

describe('what a voluntary partner may change in a shared plan', () => {
  it('is their notes and progress on goals; for everyone else, all of it', () => {
    expect(sharedPlanEdits('voluntary_partner')).toBe('notes-and-progress');
    expect(sharedPlanEdits('care_navigator')).toBe('all');
  });

  it('lets them write their notes, and add progress to a goal', () => {
    const { plan, partner, goalId } = planAndPartnerCopy();
    const notes = editBy(partner, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Came to the Tuesday walk')]);
      doc.getXmlFragment(SharedPlan.partnerNotes).insert(0, [paragraph]);
    });
    expect(checkPartnerUpdate(plan, notes)).toEqual({ verdict: 'within' });
    Y.applyUpdate(plan, notes);
    // Rewording and deleting in their own notes.
    const reworded = editBy(partner, (doc) => {
      const text = doc.getXmlFragment(SharedPlan.partnerNotes).get(0) as Y.XmlElement;
      (text.get(0) as Y.XmlText).delete(0, 4);
    });
    expect(checkPartnerUpdate(plan, reworded)).toEqual({ verdict: 'within' });
    const progress = editBy(partner, (doc) => recordProgress(doc, goalId, 5, 'partner-1'));
    expect(checkPartnerUpdate(plan, progress)).toEqual({ verdict: 'within' });
    // Trying never changes the plan itself.
    expect(readGoals(plan)[0]!.progress.map((p) => p.value)).toEqual([3]);
  });

  it('refuses any change to the team’s goals, actions, notes or the person’s words', () => {
    const refused: [string, (doc: Y.Doc, ids: { goalId: string; actionId: string }) => void][] = [
      ['reword a goal', (doc, { goalId }) => updateGoal(doc, goalId, { text: 'Something else' })],
      ['close a goal', (doc, { goalId }) => updateGoal(doc, goalId, { status: 'achieved' })],
      ['remove an action', (doc, { actionId }) => removeSharedItem(doc, 'action', actionId)],
      ['add an action', (doc) => addAction(doc, { text: 'Mine now' }, 'partner-1')],
      [
        'take progress away',
        (doc) => {
          const goal = doc.getArray<Y.Map<unknown>>(SharedPlan.goals).get(0);
          (goal.get('progress') as Y.Array<unknown>).delete(0, 1);
        },
      ],
      [
        'write in the navigator’s notes',
        (doc) => doc.getXmlFragment(SharedPlan.navigatorNotes).insert(0, [new Y.XmlText('x')]),
      ],
      [
        'write in what matters to the person',
        (doc) => doc.getXmlFragment(SharedPlan.whatMattersToMe).insert(0, [new Y.XmlText('x')]),
      ],
      ['add a section of their own', (doc) => doc.getMap('extra').set('a', 1)],
    ];
    for (const [what, edit] of refused) {
      const { plan, partner, goalId, actionId } = planAndPartnerCopy();
      const update = editBy(partner, (doc) => edit(doc, { goalId, actionId }));
      expect(checkPartnerUpdate(plan, update).verdict, what).toBe('beyond');
      expect(readActions(plan)).toHaveLength(1);
    }
  });

  it('undoes what went beyond, after which their next edits still apply', () => {
    const { plan, partner, goalId, actionId } = planAndPartnerCopy();
    const beyond = editBy(partner, (doc) => {
      removeSharedItem(doc, 'action', actionId);
      updateGoal(doc, goalId, { text: 'Something else' });
      recordProgress(doc, goalId, 7, 'partner-1');
    });
    const checked = checkPartnerUpdate(plan, beyond);
    if (checked.verdict !== 'beyond') throw new Error(`expected beyond, got ${checked.verdict}`);
    Y.applyUpdate(plan, beyond);
    const undone = editBy(plan, checked.undo);
    Y.applyUpdate(partner, undone);
    for (const doc of [plan, partner]) {
      expect(readActions(doc).map((a) => a.text)).toEqual(['Check blood pressure']);
      expect(readGoals(doc)[0]!.text).toBe('Walk to the shops on my own');
      // The progress in the same edit was theirs to add, and stays.
      expect(readGoals(doc)[0]!.progress.map((p) => p.value)).toEqual([3, 7]);
    }
    const next = editBy(partner, (doc) => recordProgress(doc, goalId, 8, 'partner-1'));
    expect(checkPartnerUpdate(plan, next)).toEqual({ verdict: 'within' });
  });

  it('undoes a notice of a restore they wrote, keeping the last true one', () => {
    const { plan, partner } = planAndPartnerCopy();
    const note = { byId: 'nurse-1', byName: 'Sam Whitfield', label: 'Agreed', at: '2026-12-01' };
    restoreDocument(plan, plan, SHARED_PLAN_SECTIONS, note);
    Y.applyUpdate(partner, Y.encodeStateAsUpdate(plan));
    const forged = editBy(partner, (doc) =>
      doc.getMap('restored').set('byName', 'Dr Amara Okafor'),
    );
    const checked = checkPartnerUpdate(plan, forged);
    if (checked.verdict !== 'beyond') throw new Error(`expected beyond, got ${checked.verdict}`);
    Y.applyUpdate(plan, forged);
    Y.applyUpdate(partner, editBy(plan, checked.undo));
    for (const doc of [plan, partner]) expect(readRestoreNote(doc)).toEqual(note);
  });

  it('puts back progress they took away, in its place, keeping what they added', () => {
    const takeAway: [string, (goal: Y.Map<unknown>) => void, number[]][] = [
      [
        'delete a rating',
        (goal) => (goal.get('progress') as Y.Array<unknown>).delete(0, 1),
        [3, 4, 6],
      ],
      ['replace the history', (goal) => goal.set('progress', new Y.Array()), [3, 4, 6]],
      // Their rating had nowhere to go.
      ['remove the history', (goal) => goal.delete('progress'), [3, 4]],
    ];
    for (const [what, edit, expected] of takeAway) {
      const { plan, partner, goalId } = planAndPartnerCopy();
      recordProgress(plan, goalId, 4, 'nurse-1');
      Y.applyUpdate(partner, Y.encodeStateAsUpdate(plan));
      const beyond = editBy(partner, (doc) => {
        edit(doc.getArray<Y.Map<unknown>>(SharedPlan.goals).get(0));
        recordProgress(doc, goalId, 6, 'partner-1');
      });
      const checked = checkPartnerUpdate(plan, beyond);
      if (checked.verdict !== 'beyond') throw new Error(`${what}: got ${checked.verdict}`);
      Y.applyUpdate(plan, beyond);
      Y.applyUpdate(partner, editBy(plan, checked.undo));
      for (const doc of [plan, partner]) {
        expect(
          readGoals(doc)[0]!.progress.map((p) => p.value),
          what,
        ).toEqual(expected);
      }
    }
  });

  it('refuses an update that builds on what the plan does not hold', () => {
    const { plan, partner } = planAndPartnerCopy();
    const notes = partner.getXmlFragment(SharedPlan.partnerNotes);
    editBy(partner, (doc) =>
      doc.getXmlFragment(SharedPlan.partnerNotes).insert(0, [new Y.XmlText('a')]),
    );
    // The second edit alone: the plan lacks the first, which it builds on.
    const second = editBy(partner, () => (notes.get(0) as Y.XmlText).insert(1, 'b'));
    expect(checkPartnerUpdate(plan, second)).toEqual({ verdict: 'incomplete' });
  });
});

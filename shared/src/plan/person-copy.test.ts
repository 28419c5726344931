import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPersonCopy } from './person-copy.js';
import { appendParagraphs } from './rich-text.js';
import {
  addAction,
  addBarrier,
  addGoal,
  recordProgress,
  SharedPlan,
  whatMattersToMe,
} from './shared-plan.js';

const NAMES: Record<string, string> = { nurse: 'Sam Whitfield', navigator: 'Jo Hartley' };
const ownerName = (id: string) => NAMES[id] ?? 'A former team member';

describe('the person’s copy of their plan', () => {
  it('gives what matters to them, and their goals by horizon with the latest rating', () => {
    const doc = new Y.Doc();
    appendParagraphs(whatMattersToMe(doc), ['Seeing my grandchildren', '  ', 'My garden']);
    const shops = addGoal(
      doc,
      { text: 'Walk to the shops on my own', horizon: 'month', category: 'physical-health' },
      'navigator',
    );
    recordProgress(doc, shops, 3, 'navigator');
    recordProgress(doc, shops, 6, 'nurse');
    addGoal(doc, { text: 'Join the choir', horizon: 'year', category: 'social-connection' }, 'n');
    addGoal(
      doc,
      { text: 'Ring my sister', horizon: 'week', category: 'wellbeing', status: 'achieved' },
      'n',
    );
    addGoal(
      doc,
      { text: 'Run a marathon', horizon: 'week', category: 'other', status: 'stopped' },
      'n',
    );

    const copy = buildPersonCopy(doc, ownerName);
    expect(copy.whatMattersToMe).toEqual(['Seeing my grandchildren', 'My garden']);
    expect(copy.goals).toEqual([
      {
        horizon: 'week',
        goals: [{ text: 'Ring my sister', category: 'wellbeing', achieved: true, progress: null }],
      },
      {
        horizon: 'month',
        goals: [
          {
            text: 'Walk to the shops on my own',
            category: 'physical-health',
            achieved: false,
            progress: 6,
          },
        ],
      },
      {
        horizon: 'year',
        goals: [
          {
            text: 'Join the choir',
            category: 'social-connection',
            achieved: false,
            progress: null,
          },
        ],
      },
    ]);
  });

  it('gives what is in the way and how, and who does what: open soonest first, then done', () => {
    const doc = new Y.Doc();
    addBarrier(
      doc,
      { text: 'Letters about rent arrears', kind: 'debt', overcomeBy: 'Money advice' },
      'navigator',
    );
    addBarrier(doc, { text: 'Stairs', kind: 'mobility', status: 'overcome' }, 'navigator');
    addAction(doc, { text: 'Later', ownerId: 'nurse', dueDate: '2026-12-20' }, 'nurse');
    addAction(doc, { text: 'No date' }, 'nurse');
    addAction(doc, { text: 'Sooner', ownerId: 'navigator', dueDate: '2026-12-03' }, 'nurse');
    addAction(doc, { text: 'Done already', ownerId: 'gone', status: 'done' }, 'nurse');
    addAction(doc, { text: 'Not needed now', status: 'cancelled' }, 'nurse');

    const copy = buildPersonCopy(doc, ownerName);
    expect(copy.barriers).toEqual([
      {
        text: 'Letters about rent arrears',
        kind: 'debt',
        overcomeBy: 'Money advice',
        overcome: false,
      },
      { text: 'Stairs', kind: 'mobility', overcomeBy: '', overcome: true },
    ]);
    expect(copy.actions).toEqual([
      { text: 'Sooner', owner: 'Jo Hartley', dueDate: '2026-12-03', done: false },
      { text: 'Later', owner: 'Sam Whitfield', dueDate: '2026-12-20', done: false },
      { text: 'No date', owner: null, dueDate: null, done: false },
      { text: 'Done already', owner: 'A former team member', dueDate: null, done: true },
    ]);
  });

  it('leaves the team’s notes out', () => {
    const doc = new Y.Doc();
    appendParagraphs(doc.getXmlFragment(SharedPlan.navigatorNotes), ['Team only']);
    appendParagraphs(doc.getXmlFragment(SharedPlan.partnerNotes), ['Partner only']);
    expect(JSON.stringify(buildPersonCopy(doc, ownerName))).not.toMatch(/only/);
  });
});

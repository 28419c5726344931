import { describe, expect, it } from 'vitest';
import type { RestorePreview } from '@careweave/server';
import { restoredMessage, restoreEffects } from './restore-notice';

const preview: RestorePreview = {
  documents: [
    {
      name: 'plan:p:shared',
      kind: 'shared',
      sections: [
        {
          section: 'whatMattersToMe',
          kind: 'text',
          before: 'Gardening',
          after: 'Gardening and the choir',
          changed: true,
        },
        {
          section: 'goals',
          kind: 'list',
          added: [],
          removed: [],
          // Only progress was rated since: a restore keeps it, so nothing goes back.
          changed: [
            {
              id: 'g1',
              label: 'Walk to the shops',
              fields: [{ field: 'progress', before: [], after: [1] }],
            },
          ],
        },
        {
          section: 'actions',
          kind: 'list',
          added: [
            { id: 'a1', text: 'Book the physio' },
            { id: 'a2', text: 'Phone the council' },
          ],
          removed: [{ id: 'a0', text: 'Order a walking frame' }],
          changed: [
            {
              id: 'a3',
              label: 'Review the inhaler',
              fields: [{ field: 'dueDate', before: null, after: '2026-12-01' }],
            },
          ],
        },
      ],
    },
    {
      name: 'plan:p:clinical',
      kind: 'clinical',
      sections: [
        {
          section: 'medications',
          kind: 'list',
          added: [{ id: 'm1', name: 'Sertraline' }],
          removed: [],
          changed: [],
        },
      ],
    },
  ],
};

describe('restoreEffects', () => {
  it('lists what goes, what comes back and what is undone', () => {
    expect(restoreEffects({ documents: preview.documents.slice(0, 1) })).toEqual([
      'What matters to me: the wording goes back to that at sign-off',
      'Actions: “Book the physio”, “Phone the council”, added since sign-off, will be removed',
      'Actions: “Order a walking frame”, removed since sign-off, will come back',
      'Actions: “Review the inhaler”, edited since sign-off, will be as they were',
    ]);
  });

  it('includes the clinical record when the preview has it', () => {
    expect(restoreEffects(preview).at(-1)).toBe(
      'Medications: “Sertraline”, added since sign-off, will be removed',
    );
  });
});

describe('restoredMessage', () => {
  it('says the clinical record was left alone when only the shared plan was restored', () => {
    expect(restoredMessage('Agreed at MDT', ['plan:p:shared'])).toBe(
      'Restored “Agreed at MDT”: what matters to me, goals, barriers, actions and notes are as ' +
        'they were at sign-off, recorded as your change. Progress ratings since then are kept. ' +
        'The clinical record was not changed: only those who edit it can restore it.',
    );
  });

  it('names the clinical record when it was restored too', () => {
    expect(restoredMessage('Agreed at MDT', ['plan:p:shared', 'plan:p:clinical'])).toMatch(
      /^Restored “Agreed at MDT”: what matters to me, goals, barriers, actions and notes, and the clinical record are as they were/,
    );
  });
});

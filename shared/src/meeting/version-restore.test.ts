import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraphs, fragmentText } from '../plan/rich-text.js';
import {
  SHARED_PLAN_SECTIONS,
  addAction,
  addGoal,
  readActions,
  readGoals,
  recordProgress,
  removeSharedItem,
  updateAction,
  updateGoal,
  whatMattersToMe,
} from '../plan/shared-plan.js';
import { compareDocuments } from './version-compare.js';
import { readRestoreNote, restoreDocument } from './version-restore.js';

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function unchanged(a: Y.Doc, b: Y.Doc): boolean {
  return compareDocuments(a, b, SHARED_PLAN_SECTIONS).every((s) =>
    s.kind === 'text' ? !s.changed : s.added.length + s.removed.length + s.changed.length === 0,
  );
}

describe('restoreDocument', () => {
  it('makes the live document equal the version, as one new update a third peer merges', () => {
    const live = new Y.Doc();
    appendParagraphs(whatMattersToMe(live), ['Walking to the shops.']);
    const goal = addGoal(live, { text: 'Walk', horizon: 'month', category: 'wellbeing' }, 'nav');
    recordProgress(live, goal, 3, 'nav');
    const action = addAction(live, { text: 'Book physio' }, 'nurse');
    const version = new Y.Doc();
    sync(live, version);

    // Later edits: text rewritten, a goal removed, an action changed, one added, progress added.
    whatMattersToMe(live).delete(0, 1);
    appendParagraphs(whatMattersToMe(live), ['Something else.']);
    recordProgress(live, goal, 7, 'nav');
    updateAction(live, action, { status: 'done' });
    addAction(live, { text: 'Extra' }, 'nurse');
    const third = new Y.Doc();
    sync(live, third);
    removeSharedItem(live, 'goal', goal);
    sync(live, third);

    const updates: Uint8Array[] = [];
    live.on('update', (u: Uint8Array) => updates.push(u));
    restoreDocument(live, version, SHARED_PLAN_SECTIONS);

    expect(updates).toHaveLength(1);
    expect(fragmentText(whatMattersToMe(live))).toBe('Walking to the shops.');
    expect(readActions(live).map((a) => [a.id, a.text, a.status])).toEqual([
      [action, 'Book physio', 'open'],
    ]);
    expect(readGoals(live).map((g) => g.progress.map((p) => p.value))).toEqual([[3]]);
    expect(unchanged(version, live)).toBe(true);

    Y.applyUpdate(third, updates[0]!);
    expect(unchanged(version, third)).toBe(true);
    expect(Y.encodeStateAsUpdate(third)).toEqual(Y.encodeStateAsUpdate(live));
  });

  it('keeps progress rated since the version on a goal it restores', () => {
    const live = new Y.Doc();
    const goal = addGoal(live, { text: 'Walk', horizon: 'month', category: 'wellbeing' }, 'nav');
    recordProgress(live, goal, 3, 'nav');
    const version = new Y.Doc();
    sync(live, version);

    updateGoal(live, goal, { text: 'Walk to the shops and back' });
    recordProgress(live, goal, 7, 'partner');
    restoreDocument(live, version, SHARED_PLAN_SECTIONS);

    const [restored] = readGoals(live);
    expect(restored!.text).toBe('Walk');
    expect(restored!.progress.map((p) => [p.value, p.by])).toEqual([
      [3, 'nav'],
      [7, 'partner'],
    ]);
  });

  it('leaves a document that already equals the version untouched', () => {
    const live = new Y.Doc();
    addGoal(live, { text: 'Walk', horizon: 'month', category: 'wellbeing' }, 'nav');
    appendParagraphs(whatMattersToMe(live), ['Same.']);
    const version = new Y.Doc();
    sync(live, version);
    const updates: Uint8Array[] = [];
    live.on('update', (u: Uint8Array) => updates.push(u));
    restoreDocument(live, version, SHARED_PLAN_SECTIONS);
    expect(updates).toHaveLength(0);
  });

  it('tells a peer who restored which version, in the same change', () => {
    const live = new Y.Doc();
    const peer = new Y.Doc();
    addAction(live, { text: 'Ring the choir leader' }, 'nav');
    const version = new Y.Doc();
    const note = {
      byId: 'nurse',
      byName: 'Sam Whitfield',
      label: 'Agreed',
      at: '2026-12-01T17:00:00Z',
    };
    expect(readRestoreNote(live)).toBeNull();

    const updates: Uint8Array[] = [];
    live.on('update', (update: Uint8Array) => updates.push(update));
    restoreDocument(live, version, SHARED_PLAN_SECTIONS, note);
    expect(updates).toHaveLength(1);
    sync(live, peer);
    expect(readActions(peer)).toEqual([]);
    expect(readRestoreNote(peer)).toEqual(note);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  findItem,
  insertItem,
  moveItem,
  oneOf,
  optional,
  orderedItems,
  patchItem,
  removeItem,
  text,
  type ItemMap,
} from './lists.js';

const AT = new Date('2025-03-01T09:00:00.000Z');

function listOf(doc: Y.Doc) {
  return doc.getArray<ItemMap>('items');
}

function textsOf(doc: Y.Doc): string[] {
  return orderedItems(listOf(doc)).map((item) => text(item, 'text'));
}

/** Two documents that have exchanged everything: the in-memory peers of y-protocols' tests. */
function syncBoth(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function withItems(doc: Y.Doc, texts: string[]): string[] {
  return texts.map((t) => insertItem(listOf(doc), { text: t }, 'author-1', AT));
}

describe('plan lists', () => {
  it('appends items after the last one, stamping who created them and when', () => {
    const doc = new Y.Doc();
    const [first, second] = withItems(doc, ['Walk to the shops', 'Join the knitting group']);
    const items = orderedItems(listOf(doc));
    expect(items.map((i) => i.get('id'))).toEqual([first, second]);
    expect(items.map((i) => i.get('position'))).toEqual([1, 2]);
    expect(items[0]!.get('createdBy')).toBe('author-1');
    expect(items[0]!.get('createdAt')).toBe(AT.toISOString());
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first).not.toBe(second);
  });

  it('patches only the fields given, and reports an unknown id', () => {
    const doc = new Y.Doc();
    const [id] = withItems(doc, ['Walk to the shops']);
    listOf(doc).get(0).set('status', 'active');
    expect(patchItem(listOf(doc), id!, { text: 'Walk to the park', status: undefined })).toBe(true);
    const item = findItem(listOf(doc), id!)!;
    expect(item.get('text')).toBe('Walk to the park');
    expect(item.get('status')).toBe('active');
    expect(patchItem(listOf(doc), 'no-such-id', { text: 'x' })).toBe(false);
  });

  it('patches in one transaction, so a peer sees one update', () => {
    const doc = new Y.Doc();
    const [id] = withItems(doc, ['Walk']);
    let updates = 0;
    doc.on('update', () => updates++);
    patchItem(listOf(doc), id!, { text: 'Run', horizon: 'week', status: 'paused' });
    expect(updates).toBe(1);
  });

  it('moves an item to the front, the middle and the end by setting its position', () => {
    const doc = new Y.Doc();
    const [a, , c] = withItems(doc, ['A', 'B', 'C', 'D']);
    expect(moveItem(listOf(doc), c!, 0)).toBe(true);
    expect(textsOf(doc)).toEqual(['C', 'A', 'B', 'D']);
    expect(moveItem(listOf(doc), a!, 3)).toBe(true);
    expect(textsOf(doc)).toEqual(['C', 'B', 'D', 'A']);
    expect(moveItem(listOf(doc), c!, 2)).toBe(true);
    expect(textsOf(doc)).toEqual(['B', 'D', 'C', 'A']);
    // Out-of-range indexes clamp rather than lose the item.
    expect(moveItem(listOf(doc), a!, -5)).toBe(true);
    expect(textsOf(doc)).toEqual(['A', 'B', 'D', 'C']);
    expect(moveItem(listOf(doc), a!, 99)).toBe(true);
    expect(textsOf(doc)).toEqual(['B', 'D', 'C', 'A']);
    // The array itself never changes order: only positions do.
    expect(
      listOf(doc)
        .toArray()
        .map((i) => text(i, 'text')),
    ).toEqual(['A', 'B', 'C', 'D']);
    expect(moveItem(listOf(doc), 'no-such-id', 0)).toBe(false);
  });

  it('keeps moving between the same neighbours without the order going wrong', () => {
    const doc = new Y.Doc();
    const [, , c, d] = withItems(doc, ['A', 'B', 'C', 'D']);
    for (let i = 0; i < 20; i++) {
      moveItem(listOf(doc), i % 2 ? c! : d!, 1);
    }
    expect(textsOf(doc)).toEqual(['A', 'C', 'D', 'B']);
  });

  it('appends after a moved item, not before it', () => {
    const doc = new Y.Doc();
    const [a] = withItems(doc, ['A', 'B']);
    moveItem(listOf(doc), a!, 2);
    withItems(doc, ['C']);
    expect(textsOf(doc)).toEqual(['B', 'A', 'C']);
  });

  it('merges a move and an edit of the same item made at once on two documents', () => {
    const navigator = new Y.Doc();
    const nurse = new Y.Doc();
    const [, , c] = withItems(navigator, ['A', 'B', 'C']);
    syncBoth(navigator, nurse);

    moveItem(listOf(navigator), c!, 0);
    patchItem(listOf(nurse), c!, { text: 'C, in her words' });
    syncBoth(navigator, nurse);

    for (const doc of [navigator, nurse]) {
      expect(textsOf(doc)).toEqual(['C, in her words', 'A', 'B']);
      expect(listOf(doc).length).toBe(3);
    }
  });

  it('orders items added at once on two documents by id, the same on both', () => {
    const gp = new Y.Doc();
    const nurse = new Y.Doc();
    withItems(gp, ['Shared start']);
    syncBoth(gp, nurse);

    const fromGp = withItems(gp, ['From the GP', 'GP again']);
    const fromNurse = withItems(nurse, ['From the nurse', 'Nurse again']);
    syncBoth(gp, nurse);

    const gpOrder = orderedItems(listOf(gp)).map((i) => i.get('id'));
    const nurseOrder = orderedItems(listOf(nurse)).map((i) => i.get('id'));
    expect(gpOrder).toEqual(nurseOrder);
    // Both appended at positions 2 and 3: each tie is broken by id.
    for (const position of [2, 3]) {
      const tied = [fromGp, fromNurse].map((ids) => ids[position - 2]!);
      expect(gpOrder.indexOf(tied[0]!) < gpOrder.indexOf(tied[1]!)).toBe(
        tied[0]!.localeCompare(tied[1]!) < 0,
      );
    }
    expect(gpOrder[0]).toBe(orderedItems(listOf(gp))[0]!.get('id'));
    expect(text(orderedItems(listOf(gp))[0]!, 'text')).toBe('Shared start');
  });

  it('gives two documents the same order after both move the same item', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const [first, , third] = withItems(a, ['A', 'B', 'C']);
    syncBoth(a, b);
    moveItem(listOf(a), first!, 2);
    moveItem(listOf(b), third!, 0);
    syncBoth(a, b);
    expect(textsOf(a)).toEqual(textsOf(b));
    expect(textsOf(a).sort()).toEqual(['A', 'B', 'C']);
  });

  it('removes an item by id, and reports an unknown id', () => {
    const doc = new Y.Doc();
    const [a] = withItems(doc, ['A', 'B']);
    expect(removeItem(listOf(doc), a!)).toBe(true);
    expect(textsOf(doc)).toEqual(['B']);
    expect(removeItem(listOf(doc), a!)).toBe(false);
  });

  it('reads fields of the wrong type as their fallback', () => {
    const doc = new Y.Doc();
    const [id] = withItems(doc, ['A']);
    const item = findItem(listOf(doc), id!)!;
    item.set('text', 42);
    item.set('horizon', 'decade');
    item.set('reviewDate', '');
    item.set('dueDate', '2025-04-01');
    expect(text(item, 'text', 'fallback')).toBe('fallback');
    expect(oneOf(item, 'horizon', ['week', 'month'] as const, 'month')).toBe('month');
    expect(oneOf(item, 'missing', ['week', 'month'] as const, 'week')).toBe('week');
    expect(optional(item, 'reviewDate')).toBeNull();
    expect(optional(item, 'missing')).toBeNull();
    expect(optional(item, 'dueDate')).toBe('2025-04-01');
  });
});

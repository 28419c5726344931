import * as Y from 'yjs';
import { fragmentText } from '../plan/rich-text.js';

/** A list item as plain data (its `Y.Map` read out), always with an id. */
export type ComparedItem = Record<string, unknown> & { id: string };

/** One field of a list item that differs between the two states. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What differs in one section of a document between a version and now. */
export type SectionComparison =
  | { section: string; kind: 'text'; before: string; after: string; changed: boolean }
  | {
      section: string;
      kind: 'list';
      added: ComparedItem[];
      removed: ComparedItem[];
      changed: { id: string; label: string | null; fields: FieldChange[] }[];
    };

// Order is a number on each item (see lists.ts); a reorder is not a change of content.
const IGNORED_FIELDS = new Set(['position']);

function itemsById(list: Y.Array<unknown>): Map<string, ComparedItem> {
  const items = new Map<string, ComparedItem>();
  for (const entry of list.toArray()) {
    if (!(entry instanceof Y.Map)) continue;
    const item = entry.toJSON() as Record<string, unknown>;
    if (typeof item.id === 'string') items.set(item.id, item as ComparedItem);
  }
  return items;
}

function labelOf(item: ComparedItem): string | null {
  const label = item.text ?? item.name;
  return typeof label === 'string' ? label : null;
}

function fieldChanges(before: ComparedItem, after: ComparedItem): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => !IGNORED_FIELDS.has(f))
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/**
 * What changed in each section between two states of one document: rich text as plain text
 * before and after; lists as items added, removed, and changed field by field. Who made the
 * changes is not in the states; the server joins the update log for that.
 */
export function compareDocuments(
  before: Y.Doc,
  after: Y.Doc,
  sections: Record<string, 'list' | 'text'>,
): SectionComparison[] {
  return Object.entries(sections).map(([section, shape]): SectionComparison => {
    if (shape === 'text') {
      const was = fragmentText(before.getXmlFragment(section));
      const now = fragmentText(after.getXmlFragment(section));
      return { section, kind: 'text', before: was, after: now, changed: was !== now };
    }
    const was = itemsById(before.getArray(section));
    const now = itemsById(after.getArray(section));
    const changed = [...now.values()]
      .filter((item) => was.has(item.id))
      .map((item) => ({
        id: item.id,
        label: labelOf(item),
        fields: fieldChanges(was.get(item.id)!, item),
      }))
      .filter((c) => c.fields.length > 0);
    return {
      section,
      kind: 'list',
      added: [...now.values()].filter((item) => !was.has(item.id)),
      removed: [...was.values()].filter((item) => !now.has(item.id)),
      changed,
    };
  });
}

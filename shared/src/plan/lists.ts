import * as Y from 'yjs';
import { newId } from './ids.js';

/**
 * Lists in plan documents (goals, barriers, actions, medications…) are `Y.Array`s of
 * `Y.Map`s. Yjs cannot move an element, so order is a `position` number on each item:
 * reordering sets one number, which merges cleanly with anyone editing the same item.
 * Each field is last-writer-wins; item text is short, and presence shows who is editing what.
 */
export type ItemMap = Y.Map<unknown>;

/** Fields every list item has. */
export interface ListItem {
  id: string;
  position: number;
  createdBy: string;
  createdAt: string;
}

function positionOf(item: ItemMap): number {
  const p = item.get('position');
  return typeof p === 'number' ? p : 0;
}

/** The items in display order (position, then id so that ties agree everywhere). */
export function orderedItems(list: Y.Array<ItemMap>): ItemMap[] {
  return list.toArray().sort((a, b) => {
    const d = positionOf(a) - positionOf(b);
    return d !== 0 ? d : String(a.get('id')).localeCompare(String(b.get('id')));
  });
}

export function findItem(list: Y.Array<ItemMap>, id: string): ItemMap | undefined {
  return list.toArray().find((item) => item.get('id') === id);
}

/** Appends an item at the end, whole in one transaction (fields are set before it is integrated); returns its id. */
export function insertItem(
  list: Y.Array<ItemMap>,
  fields: Record<string, unknown>,
  by: string,
  at: Date,
): string {
  const id = newId();
  const last = orderedItems(list).at(-1);
  const item: ItemMap = new Y.Map();
  const all = {
    ...fields,
    id,
    position: last ? positionOf(last) + 1 : 1,
    createdBy: by,
    createdAt: at.toISOString(),
  };
  for (const [key, value] of Object.entries(all)) item.set(key, value);
  list.push([item]);
  return id;
}

/** Sets the given fields of one item; false when no item has that id. */
export function patchItem(
  list: Y.Array<ItemMap>,
  id: string,
  patch: Record<string, unknown>,
): boolean {
  const item = findItem(list, id);
  if (!item) return false;
  const apply = () => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) item.set(key, value);
    }
  };
  if (list.doc) list.doc.transact(apply);
  else apply();
  return true;
}

/** Moves an item to `toIndex` of the display order by giving it a position between neighbours. */
export function moveItem(list: Y.Array<ItemMap>, id: string, toIndex: number): boolean {
  const others = orderedItems(list).filter((item) => item.get('id') !== id);
  const item = findItem(list, id);
  if (!item) return false;
  const index = Math.max(0, Math.min(toIndex, others.length));
  const before = others[index - 1];
  const after = others[index];
  const low = before ? positionOf(before) : after ? positionOf(after) - 2 : 0;
  const high = after ? positionOf(after) : low + 2;
  item.set('position', (low + high) / 2);
  return true;
}

export function removeItem(list: Y.Array<ItemMap>, id: string): boolean {
  const index = list.toArray().findIndex((item) => item.get('id') === id);
  if (index < 0) return false;
  list.delete(index, 1);
  return true;
}

/** Reads a string field, or the fallback when missing or of the wrong type. */
export function text(item: ItemMap, key: string, fallback = ''): string {
  const v = item.get(key);
  return typeof v === 'string' ? v : fallback;
}

/** Reads a field that must be one of `allowed`. */
export function oneOf<T extends string>(
  item: ItemMap,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = item.get(key);
  return allowed.includes(v as T) ? (v as T) : fallback;
}

/** Reads an optional string field (null when missing or empty). */
export function optional(item: ItemMap, key: string): string | null {
  const v = item.get(key);
  return typeof v === 'string' && v !== '' ? v : null;
}

export function baseFields(item: ItemMap): ListItem {
  return {
    id: text(item, 'id'),
    position: positionOf(item),
    createdBy: text(item, 'createdBy'),
    createdAt: text(item, 'createdAt'),
  };
}

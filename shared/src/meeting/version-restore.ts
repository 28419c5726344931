import * as Y from 'yjs';

/** A value as plain data, so that two states can be compared whatever holds them. */
function plain(value: unknown): string {
  return JSON.stringify(value instanceof Y.AbstractType ? value.toJSON() : value);
}

/** A fresh copy of a value from another document, ready to insert into this one. */
function copyOf(value: unknown): unknown {
  if (value instanceof Y.Array) {
    const copy = new Y.Array<unknown>();
    copy.push(value.toArray().map(copyOf));
    return copy;
  }
  if (value instanceof Y.Map) return copyMap(value);
  return value;
}

function copyMap(source: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const [key, value] of source.entries()) copy.set(key, copyOf(value));
  return copy;
}

function idOf(entry: unknown): unknown {
  return entry instanceof Y.Map ? entry.get('id') : undefined;
}

/**
 * Item fields that record what happened over time rather than what the plan says (a goal's
 * progress ratings): an item kept by a restore keeps them as they are, so nothing measured
 * since the version is lost.
 */
const RECORDS = new Set(['progress']);

/**
 * Makes a list equal the version's item by item, touching only what differs, so an item
 * nobody changed since the version keeps its history and anyone editing it keeps their edit.
 */
function restoreList(target: Y.Array<unknown>, version: Y.Array<unknown>): void {
  const wanted = new Map(version.toArray().map((entry) => [idOf(entry), entry]));
  for (let i = target.length - 1; i >= 0; i--) {
    if (!wanted.has(idOf(target.get(i)))) target.delete(i, 1);
  }
  const present = new Map(target.toArray().map((entry) => [idOf(entry), entry]));
  for (const [id, source] of wanted) {
    const item = present.get(id);
    if (!(item instanceof Y.Map) || !(source instanceof Y.Map)) {
      target.push([copyOf(source)]);
      continue;
    }
    for (const key of [...item.keys()]) {
      if (!source.has(key) && !RECORDS.has(key)) item.delete(key);
    }
    for (const [key, value] of source.entries()) {
      if (RECORDS.has(key)) continue;
      if (plain(item.get(key)) !== plain(value)) item.set(key, copyOf(value));
    }
  }
}

function restoreText(target: Y.XmlFragment, version: Y.XmlFragment): void {
  if (target.toString() === version.toString()) return;
  target.delete(0, target.length);
  // A hook is a map the editor never writes, so a rich-text fragment holds none.
  const nodes = version.toArray().filter((n) => !(n instanceof Y.XmlHook));
  target.insert(
    0,
    nodes.map((node) => node.clone() as Y.XmlElement | Y.XmlText),
  );
}

/** Who last restored a version into a document, and which, so that everyone editing it is told. */
export interface RestoreNote {
  byId: string;
  byName: string;
  /** The version's label. */
  label: string;
  /** ISO time of the restore. */
  at: string;
}

/** The top-level map that holds the last restore's note: no plan section, so never restored. */
const RESTORED = 'restored';

/** The last restore into this document, or null if there has been none. */
export function readRestoreNote(doc: Y.Doc): RestoreNote | null {
  const note = doc.getMap<unknown>(RESTORED).toJSON() as Partial<RestoreNote>;
  const { byId, byName, label, at } = note;
  return typeof byId === 'string' &&
    typeof byName === 'string' &&
    typeof label === 'string' &&
    typeof at === 'string'
    ? { byId, byName, label, at }
    : null;
}

/** Makes the restore note of `target` what it was in `before`: one nobody may write goes back. */
export function putBackRestoreNote(target: Y.Doc, before: Y.Doc): void {
  const map = target.getMap<unknown>(RESTORED);
  const was = before.getMap<unknown>(RESTORED);
  for (const key of [...map.keys()]) if (!was.has(key)) map.delete(key);
  for (const [key, value] of was.entries()) if (map.get(key) !== value) map.set(key, value);
}

/**
 * Makes each section of `target` equal the version's, in one transaction, as a new change on
 * top of everything since: history is never rewritten, and peers merge it like any edit. The
 * note goes in the same change, so whoever has the document open learns who restored what.
 */
export function restoreDocument(
  target: Y.Doc,
  version: Y.Doc,
  sections: Record<string, 'list' | 'text'>,
  note?: RestoreNote,
): void {
  target.transact(() => {
    if (note) {
      const map = target.getMap<unknown>(RESTORED);
      for (const [key, value] of Object.entries(note)) map.set(key, value);
    }
    for (const [section, shape] of Object.entries(sections)) {
      if (shape === 'text') {
        restoreText(target.getXmlFragment(section), version.getXmlFragment(section));
      } else {
        restoreList(target.getArray(section), version.getArray(section));
      }
    }
  });
}

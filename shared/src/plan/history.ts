import * as Y from 'yjs';

/** One row of the update log, as history needs it. */
export interface LoggedUpdate {
  update: Uint8Array;
  authorId: string | null;
  /** ISO time it was logged. */
  at: string;
}

/** What happened to one section or list item over a period, and who did it. */
export interface PlanChange {
  /** Top-level name in the document, e.g. `goals` or `whatMattersToMe`. */
  section: string;
  /** The list item's id; null for a rich-text section. */
  itemId: string | null;
  /** The item's text (or name) as it stands, or stood when removed. */
  label: string | null;
  kind: 'added' | 'edited' | 'removed';
  /** Distinct authors, in the order they first changed it. */
  authorIds: string[];
  lastAt: string;
}

function labelOf(map: unknown): string | null {
  if (!(map instanceof Y.Map)) return null;
  const label = map.get('text') ?? map.get('name');
  return typeof label === 'string' ? label : null;
}

function idOf(map: unknown): string | null {
  if (!(map instanceof Y.Map)) return null;
  const id = map.get('id');
  return typeof id === 'string' ? id : null;
}

/**
 * Replays the log after a base state and says which sections and items changed, by whom.
 * `sections` names the document's top-level types and whether each is a list or rich text.
 */
export function summariseChanges(
  base: Uint8Array[],
  updates: LoggedUpdate[],
  sections: Record<string, 'list' | 'text'>,
): PlanChange[] {
  const doc = new Y.Doc();
  if (base.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(base));
  const changes = new Map<string, PlanChange>();
  let current: LoggedUpdate | null = null;

  const note = (
    section: string,
    itemId: string | null,
    kind: PlanChange['kind'],
    label: string | null,
  ) => {
    if (!current) return;
    const key = `${section}/${itemId ?? ''}`;
    const existing = changes.get(key);
    if (!existing) {
      changes.set(key, {
        section,
        itemId,
        label,
        kind,
        authorIds: current.authorId ? [current.authorId] : [],
        lastAt: current.at,
      });
      return;
    }
    // Added then edited is still "added"; anything then removed is "removed".
    if (kind === 'removed') existing.kind = 'removed';
    if (label !== null) existing.label = label;
    if (current.authorId && !existing.authorIds.includes(current.authorId)) {
      existing.authorIds.push(current.authorId);
    }
    existing.lastAt = current.at;
  };

  // A removed map can no longer be read, so remember what each item was called while it could.
  const known = new WeakMap<object, { id: string | null; label: string | null }>();
  const remember = (map: unknown) => {
    const entry = { id: idOf(map), label: labelOf(map) };
    if (map instanceof Y.Map) known.set(map, entry);
    return entry;
  };

  for (const [section, shape] of Object.entries(sections)) {
    if (shape === 'text') {
      doc.getXmlFragment(section).observeDeep(() => note(section, null, 'edited', null));
      continue;
    }
    const list = doc.getArray<Y.Map<unknown>>(section);
    list.forEach(remember);
    list.observeDeep((events) => {
      for (const event of events) {
        if (event.target === list) {
          for (const item of event.changes.added) {
            for (const map of item.content.getContent()) {
              const { id, label } = remember(map);
              note(section, id, 'added', label);
            }
          }
          for (const item of event.changes.deleted) {
            for (const map of item.content.getContent()) {
              const { id, label } = known.get(map as object) ?? { id: null, label: null };
              note(section, id, 'removed', label);
            }
          }
        } else {
          const index = event.path[0];
          const { id, label } = remember(typeof index === 'number' ? list.get(index) : null);
          note(section, id, 'edited', label);
        }
      }
    });
  }

  for (const update of updates) {
    current = update;
    Y.applyUpdate(doc, update.update);
  }
  current = null;
  // Labels as they stand now, for items still there.
  for (const change of changes.values()) {
    if (change.itemId === null || change.kind === 'removed') continue;
    const map = doc
      .getArray<Y.Map<unknown>>(change.section)
      .toArray()
      .find((m) => idOf(m) === change.itemId);
    change.label = labelOf(map) ?? change.label;
  }
  return [...changes.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

import * as Y from 'yjs';
import type { VersionSummary } from '@careweave/server';
import type { AwarenessUser, EditingItem, LiveDocument } from './plan-connection.svelte';

/** One row of `GET /api/plans/:planId/versions` (DESIGN §6). */
export type VersionRow = VersionSummary;

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A signed-off version of one plan document, for the sections to render read-only: built from
 * the version's saved state, with no server to talk to and nobody else present.
 */
export class VersionDocument implements LiveDocument {
  readonly ydoc = new Y.Doc();
  readonly provider = null;
  readonly loaded = true;
  readonly ended = false;
  readonly people: AwarenessUser[] = [];
  readonly editors = {};

  constructor(
    state: string,
    readonly me: AwarenessUser,
  ) {
    Y.applyUpdate(this.ydoc, fromBase64(state));
  }

  setEditing(_editing: EditingItem | null): void {}
}

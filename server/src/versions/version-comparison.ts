import * as Y from 'yjs';
import type { Db } from '@careweave/db';
import {
  CLINICAL_PLAN_SECTIONS,
  SHARED_PLAN_SECTIONS,
  compareDocuments,
  summariseChanges,
  type SectionComparison,
} from '@careweave/shared';
import type { Rooms } from '../collab/rooms.js';
import { documentLog } from '../repo/documents.js';
import { userNames } from '../repo/users.js';

/** The top-level sections of each plan document. */
export const PLAN_SECTIONS = { shared: SHARED_PLAN_SECTIONS, clinical: CLINICAL_PLAN_SECTIONS };

type Author = { id: string; name: string };

/** `GET …/versions/:id/compare`: each readable document, section by section, with who since. */
export interface VersionComparison {
  documents: {
    name: string;
    kind: 'shared' | 'clinical';
    sections: (SectionComparison & { authors: Author[] })[];
    authors: Author[];
  }[];
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** `GET …/versions/:id/restore-preview`: each document a restore would change, section by section. */
export interface RestorePreview {
  documents: { name: string; kind: 'shared' | 'clinical'; sections: SectionComparison[] }[];
}

/** Compares each document's state at sign-off with its state now, without who changed it since. */
export async function previewRestore(
  rooms: Rooms,
  documents: { name: string; kind: 'shared' | 'clinical'; state: Uint8Array }[],
): Promise<RestorePreview> {
  return {
    documents: await Promise.all(
      documents.map(async (d) => ({
        name: d.name,
        kind: d.kind,
        sections: compareDocuments(
          docOf(d.state),
          docOf(await rooms.state(d.name)),
          PLAN_SECTIONS[d.kind],
        ),
      })),
    ),
  };
}

/**
 * Compares each document's state at sign-off with its state now (the live room's when open),
 * and names who changed each section since, from the update log.
 */
export async function compareWithNow(
  db: Db,
  rooms: Rooms,
  signedAt: Date,
  documents: { name: string; kind: 'shared' | 'clinical'; state: Uint8Array }[],
): Promise<VersionComparison> {
  const since = signedAt.toISOString();
  const compared = await Promise.all(
    documents.map(async (d) => {
      const sections = PLAN_SECTIONS[d.kind];
      const now = docOf(await rooms.state(d.name));
      const log = await documentLog(db, d.name);
      // ISO times in UTC compare correctly as strings.
      const base = log.filter((u) => u.at < since).map((u) => u.update);
      const after = log.filter((u) => u.at >= since);
      const changes = summariseChanges(base, after, sections);
      return { d, comparison: compareDocuments(docOf(d.state), now, sections), changes };
    }),
  );
  const ids = compared.flatMap((c) => c.changes.flatMap((ch) => ch.authorIds));
  const names = await userNames(db, [...new Set(ids)]);
  const named = (authorIds: string[]) =>
    [...new Set(authorIds)].map((id) => ({
      id,
      name: names.get(id) ?? 'A former team member',
    }));
  return {
    documents: compared.map(({ d, comparison, changes }) => ({
      name: d.name,
      kind: d.kind,
      sections: comparison.map((s) => ({
        ...s,
        authors: named(changes.filter((c) => c.section === s.section).flatMap((c) => c.authorIds)),
      })),
      authors: named(changes.flatMap((c) => c.authorIds)),
    })),
  };
}

import type { RestorePreview } from '@careweave/server';
import { sectionLabel } from './labels';
import { itemLabel } from './versions/[versionId]/compare/compare-labels';

/** A plan document's kind, as `GET /api/plans/:planId` lists it. */
export type DocumentKind = 'shared' | 'clinical';

const CONTENT: Record<DocumentKind, string> = {
  shared: 'what matters to me, goals, barriers, actions and notes',
  clinical: 'the clinical record',
};

/** Fields that a restore leaves as they are (see the shared `restoreDocument`). */
const KEPT = new Set(['progress']);

const quoted = (labels: string[]) => labels.map((label) => `“${label}”`).join(', ');

/**
 * What restoring a version would do to the documents the preview holds (those the user may
 * restore), one line per section and kind of change: items added since go, items removed since
 * come back, edits are undone.
 */
export function restoreEffects(preview: RestorePreview): string[] {
  return preview.documents.flatMap((document) =>
    document.sections.flatMap((section) => {
      const name = sectionLabel(section.section);
      if (section.kind === 'text') {
        return section.changed ? [`${name}: the wording goes back to that at sign-off`] : [];
      }
      const edited = section.changed
        .filter((c) => c.fields.some((f) => !KEPT.has(f.field)))
        .map((c) => c.label ?? 'An item without text');
      const lines: string[] = [];
      if (section.added.length > 0) {
        const added = quoted(section.added.map(itemLabel));
        lines.push(`${name}: ${added}, added since sign-off, will be removed`);
      }
      if (section.removed.length > 0) {
        const removed = quoted(section.removed.map(itemLabel));
        lines.push(`${name}: ${removed}, removed since sign-off, will come back`);
      }
      if (edited.length > 0) {
        lines.push(`${name}: ${quoted(edited)}, edited since sign-off, will be as they were`);
      }
      return lines;
    }),
  );
}

/** What a restore changed, in words, from the document names the API says it restored. */
export function restoredMessage(label: string, restored: readonly string[]): string {
  const kinds = (['shared', 'clinical'] as const).filter((kind) =>
    restored.some((name) => name.endsWith(`:${kind}`)),
  );
  const done =
    `Restored “${label}”: ${kinds.map((kind) => CONTENT[kind]).join(', and ')} are as they ` +
    'were at sign-off, recorded as your change. Progress ratings since then are kept.';
  return kinds.includes('clinical')
    ? done
    : `${done} The clinical record was not changed: only those who edit it can restore it.`;
}

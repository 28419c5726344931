import type { Db } from '@careweave/db';
import { parseDocumentName, projectSharedPlan } from '@careweave/shared';
import type { Projector } from '../collab/store.js';
import { replacePlanProjection } from '../repo/plans.js';

/**
 * For the rooms: shared plan documents are projected into SQL; other documents are not. Each
 * room's projector remembers what it last wrote and skips the database while that has not
 * changed, as when someone types in "What matters to me" rather than in goals or actions.
 */
export function planProjectorFor(db: Db): (documentName: string) => Projector | null {
  return (documentName) => {
    const ref = parseDocumentName(documentName);
    if (ref?.kind !== 'plan-shared') return null;
    let written: string | null = null;
    return async (doc) => {
      // Read the document now, synchronously: it may change (or be freed) while SQL runs.
      const projection = projectSharedPlan(doc);
      const key = JSON.stringify(projection);
      if (key === written) return;
      await replacePlanProjection(db, ref.planId, projection);
      written = key;
    };
  };
}

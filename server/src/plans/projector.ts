import type { Db } from '@careweave/db';
import { parseDocumentName, projectSharedPlan } from '@careweave/shared';
import type { Projector } from '../collab/store.js';
import { replacePlanProjection } from '../repo/plans.js';

/** For the rooms: shared plan documents are projected into SQL; other documents are not. */
export function planProjectorFor(db: Db): (documentName: string) => Projector | null {
  return (documentName) => {
    const ref = parseDocumentName(documentName);
    if (ref?.kind !== 'plan-shared') return null;
    // Read the document now, synchronously: it may change (or be freed) while SQL runs.
    return (doc) => replacePlanProjection(db, ref.planId, projectSharedPlan(doc));
  };
}

import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';

const { outcomeMeasures, users } = schema;

export type NewMeasure = typeof outcomeMeasures.$inferInsert;

/** Stores one response, scored or not; returns its id. */
export async function insertMeasure(db: Db, measure: NewMeasure): Promise<string> {
  const [row] = await db
    .insert(outcomeMeasures)
    .values(measure)
    .returning({ id: outcomeMeasures.id });
  return row!.id;
}

const measureColumns = {
  id: outcomeMeasures.id,
  personId: outcomeMeasures.personId,
  instrument: outcomeMeasures.instrument,
  items: outcomeMeasures.items,
  raw: outcomeMeasures.raw,
  score: outcomeMeasures.score,
  complete: outcomeMeasures.complete,
  incompleteReason: outcomeMeasures.incompleteReason,
  takenAt: outcomeMeasures.takenAt,
  recordedById: outcomeMeasures.recordedBy,
  recordedByName: users.name,
};

export type MeasureRow = Awaited<ReturnType<typeof listMeasuresOf>>[number];

/**
 * The measures of these people that stand (none removed as entered in error), oldest first by
 * the date taken: a paper form entered late still sorts where it belongs. Entry order breaks
 * ties on one day.
 */
export async function listMeasuresOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select(measureColumns)
    .from(outcomeMeasures)
    .innerJoin(users, eq(users.id, outcomeMeasures.recordedBy))
    .where(
      and(
        personIds.length === 1
          ? eq(outcomeMeasures.personId, personIds[0]!)
          : inArray(outcomeMeasures.personId, personIds),
        isNull(outcomeMeasures.removedAt),
      ),
    )
    .orderBy(asc(outcomeMeasures.takenAt), asc(outcomeMeasures.createdAt));
}

/**
 * Marks one of a person's measures as entered in error, keeping the row for the audit trail.
 * Returns the measure as it was, or null when the person has no such measure standing.
 */
export async function removeMeasure(db: Db, personId: string, measureId: string, by: string) {
  const [row] = await db
    .update(outcomeMeasures)
    .set({ removedAt: new Date(), removedBy: by })
    .where(
      and(
        eq(outcomeMeasures.id, measureId),
        eq(outcomeMeasures.personId, personId),
        isNull(outcomeMeasures.removedAt),
      ),
    )
    .returning({
      instrument: outcomeMeasures.instrument,
      takenAt: outcomeMeasures.takenAt,
      score: outcomeMeasures.score,
      complete: outcomeMeasures.complete,
    });
  return row ?? null;
}

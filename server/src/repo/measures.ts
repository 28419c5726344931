import { asc, eq, inArray } from 'drizzle-orm';
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
 * The measures of these people, oldest first by the date taken: a paper form entered late
 * still sorts where it belongs. Entry order breaks ties on one day.
 */
export async function listMeasuresOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select(measureColumns)
    .from(outcomeMeasures)
    .innerJoin(users, eq(users.id, outcomeMeasures.recordedBy))
    .where(
      personIds.length === 1
        ? eq(outcomeMeasures.personId, personIds[0]!)
        : inArray(outcomeMeasures.personId, personIds),
    )
    .orderBy(asc(outcomeMeasures.takenAt), asc(outcomeMeasures.createdAt));
}

import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import type { SessionTimes } from '@careweave/shared';

const { sessions } = schema;

export async function insertSession(db: Db, id: string, userId: string, times: SessionTimes) {
  await db.insert(sessions).values({ id, userId, ...times });
}

export async function findSession(db: Db, id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}

/** The sessions with these ids; the ids go as one array, however many there are. */
export async function findSessions(db: Db, ids: string[]) {
  return db
    .select()
    .from(sessions)
    .where(sql`${sessions.id} = any(${sql.param(ids)}::text[])`);
}

export async function touchSession(db: Db, id: string, times: SessionTimes) {
  await db.update(sessions).set(times).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** Every session of the user except `keepId` (all of them when it is null). */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string | null) {
  const theirs = eq(sessions.userId, userId);
  await db.delete(sessions).where(keepId ? and(theirs, ne(sessions.id, keepId)) : theirs);
}

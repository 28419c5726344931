import { eq, lte, or, sql } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';

const { loginAttempts } = schema;

/**
 * Counts one attempt against `key` in one statement, so concurrent attempts in any process all
 * count; a window that has ended starts again. Returns the window's start and its count so far.
 */
export async function countLoginAttempt(db: Db, key: string, now: Date, windowMs: number) {
  const ended = windowEnded(now, windowMs);
  const [row] = await db
    .insert(loginAttempts)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        count: sql`case when ${ended} then 1 else ${loginAttempts.count} + 1 end`,
        windowStart: sql`case when ${ended} then excluded.window_start else ${loginAttempts.windowStart} end`,
      },
    })
    .returning({ windowStart: loginAttempts.windowStart, count: loginAttempts.count });
  return row!;
}

/** Forgets `key`'s attempts, and every window that has ended. */
export async function clearLoginAttempts(db: Db, key: string, now: Date, windowMs: number) {
  await db.delete(loginAttempts).where(or(eq(loginAttempts.key, key), windowEnded(now, windowMs)));
}

function windowEnded(now: Date, windowMs: number) {
  return lte(loginAttempts.windowStart, new Date(now.getTime() - windowMs));
}

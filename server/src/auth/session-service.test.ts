import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Db } from '@careweave/db';
import { freshDatabase, type FreshDatabase } from '../repo/fresh-database.js';
import { createSessionService } from './session-service.js';

const adminUrl = process.env.TEST_DATABASE_URL;
const policy = { idleTimeoutMs: 30 * 60_000, lifetimeMs: 10 * 3600_000, renewWithinMs: 3600_000 };

describe(`session activity (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  let fresh: FreshDatabase;
  let db: Db;
  let userId: string;
  let now = new Date('2026-12-01T09:00:00Z');
  const minutesOn = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));

  beforeAll(async () => {
    fresh = await freshDatabase(adminUrl);
    db = fresh.database.db;
    const [user] = await db
      .insert(schema.users)
      .values({ email: 'nurse@example.test', name: 'Test nurse', role: 'nurse', passwordHash: 'x' })
      .returning({ id: schema.users.id });
    userId = user!.id;
  }, 60_000);
  afterAll(() => fresh?.drop());

  it('lets a page refresh itself without keeping an idle session alive', async () => {
    const sessions = createSessionService(db, policy, () => now);
    const idle = (await sessions.create(userId)).token;
    const used = (await sessions.create(userId)).token;
    minutesOn(20);
    expect(await sessions.validate(idle, { activity: false })).not.toBeNull();
    expect(await sessions.validate(used)).not.toBeNull();
    minutesOn(15);
    // 35 minutes since anyone used the first; 15 since the second was used.
    expect(await sessions.validate(idle, { activity: false })).toBeNull();
    expect(await sessions.validate(used, { activity: false })).not.toBeNull();
  });
});

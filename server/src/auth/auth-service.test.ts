import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import { freshDatabase, type FreshDatabase } from '../repo/fresh-database.js';
import { createAuthService } from './auth-service.js';
import { hashPassword } from './passwords.js';
import { createSessionService } from './session-service.js';

const adminUrl = process.env.TEST_DATABASE_URL;
const PASSWORD = 'correct horse battery';
const WINDOW_MS = 15 * 60_000;

describe(`signing in (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  let fresh: FreshDatabase;
  let db: Db;
  let now = new Date('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    fresh = await freshDatabase(adminUrl);
    db = fresh.database.db;
    const passwordHash = await hashPassword(PASSWORD);
    await db.insert(schema.users).values(
      ['nurse', 'gp', 'physiotherapist'].map((role) => ({
        email: `${role}@example.test`,
        name: `Test ${role}`,
        role,
        passwordHash,
      })),
    );
  }, 60_000);
  afterAll(() => fresh?.drop());

  /** The services one server process would run, on the shared database and clock. */
  const aProcess = () =>
    createAuthService(
      db,
      createSessionService(db, undefined, () => now),
      {
        attempts: 3,
        windowMs: WINDOW_MS,
        now: () => now,
      },
    );

  it('grants every process on the database one allowance between them', async () => {
    const [a, b] = [aProcess(), aProcess()];
    const email = 'nurse@example.test';
    expect(await a.login(email, 'wrong', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await b.login(email, 'wrong', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await a.login(email, 'wrong', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    now = new Date(now.getTime() + 60_000);

    const refused = { ok: false, reason: 'rate-limited', retryAfterSeconds: 14 * 60 };
    expect(await b.login(` ${email.toUpperCase()}`, PASSWORD, '10.0.0.1')).toEqual(refused);
    expect(await a.login(email, PASSWORD, '10.0.0.1')).toEqual(refused);
    // Per account and address: the same account elsewhere, and a colleague here, may try.
    expect((await b.login(email, PASSWORD, '10.0.0.2')).ok).toBe(true);
    expect((await a.login('gp@example.test', PASSWORD, '10.0.0.1')).ok).toBe(true);

    now = new Date(now.getTime() + 14 * 60_000);
    expect((await b.login(email, PASSWORD, '10.0.0.1')).ok).toBe(true);
  });

  it('starts the count afresh after a successful sign-in', async () => {
    const [a, b] = [aProcess(), aProcess()];
    const email = 'physiotherapist@example.test';
    for (let i = 0; i < 2; i++) expect((await a.login(email, 'wrong', '10.0.0.3')).ok).toBe(false);
    expect((await b.login(email, PASSWORD, '10.0.0.3')).ok).toBe(true);
    for (let i = 0; i < 3; i++) {
      expect(await b.login(email, 'wrong', '10.0.0.3')).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await a.login(email, PASSWORD, '10.0.0.3')).toMatchObject({ reason: 'rate-limited' });
  });

  it('keeps neither the address nor the account in the count, and sweeps ended windows', async () => {
    const rows = await db.select().from(schema.loginAttempts);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);

    now = new Date(now.getTime() + WINDOW_MS);
    expect((await aProcess().login('gp@example.test', PASSWORD, '10.0.0.9')).ok).toBe(true);
    expect(await db.select().from(schema.loginAttempts)).toEqual([]);
  });

  it('sweeps sessions past their expiry when anyone signs in', async () => {
    const auth = aProcess();
    const first = await auth.login('nurse@example.test', PASSWORD, '10.0.0.4');
    if (!first.ok) throw new Error('the nurse could not sign in');
    const nurseSessions = () =>
      db.select().from(schema.sessions).where(eq(schema.sessions.userId, first.user.id));
    expect((await nurseSessions()).length).toBeGreaterThan(0);

    now = new Date(first.expiresAt.getTime() + 1);
    expect((await auth.login('gp@example.test', PASSWORD, '10.0.0.4')).ok).toBe(true);
    expect(await nurseSessions()).toEqual([]);
  });

  it('says in how many minutes tries at the current password open again, one as "1 minute"', async () => {
    const auth = aProcess();
    const signedIn = await auth.login('gp@example.test', PASSWORD, '10.0.0.5');
    if (!signedIn.ok) throw new Error('the GP could not sign in');
    const guess = { current: 'a guess', next: 'a new phrase', confirm: 'a new phrase' };
    for (let i = 0; i < 3; i++) {
      expect(await auth.changePassword(signedIn.user, signedIn.token, guess)).toMatchObject({
        status: 400,
      });
    }
    const tooMany = (minutes: string) => ({
      status: 429,
      fields: { current: `Too many tries at your current password: try again in ${minutes}` },
    });
    now = new Date(now.getTime() + 60_000);
    expect(await auth.changePassword(signedIn.user, signedIn.token, guess)).toMatchObject(
      tooMany('14 minutes'),
    );
    now = new Date(now.getTime() + WINDOW_MS - 90_000);
    expect(await auth.changePassword(signedIn.user, signedIn.token, guess)).toMatchObject(
      tooMany('1 minute'),
    );
  });
});

import postgres from 'postgres';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_HEADER } from '@careweave/shared';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { firstPlanId, get, login } from '../support/clients.js';
import { createSharedPostgresDatabase, type TestDatabase } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

/** The session's last use is read and set in the database, so this runs on Postgres. */
describe('a screen left open does not keep its session alive', () => {
  let database: TestDatabase;
  let server: TestServer;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createSharedPostgresDatabase();
    server = await startServer({ database });
    sql = postgres(database.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await server?.stop();
    await database?.drop();
  });

  /** Makes every session of the user look unused for ten minutes. */
  const ageSessions = (email: string) => sql`
    update sessions set last_seen_at = now() - interval '10 minutes'
    where user_id = (select id from users where email = ${email})`;
  /** Minutes since the user's most recent session was last used, by the database's clock. */
  const idleMinutes = async (email: string) => {
    const [row] = await sql<{ minutes: number }[]>`
      select extract(epoch from now() - max(last_seen_at)) / 60 as minutes from sessions
      where user_id = (select id from users where email = ${email})`;
    return Number(row!.minutes);
  };

  it('counts the API and pages as use unless a request says it is a background refresh', async () => {
    const cookie = await login(server.url, 'physio@demo.test');
    await ageSessions('physio@demo.test');
    const background = { cookie, [BACKGROUND_HEADER]: '1' };
    expect((await fetch(`${server.url}/api/me`, { headers: background })).status).toBe(200);
    expect((await fetch(`${server.url}/`, { headers: background })).status).toBe(200);
    expect(await idleMinutes('physio@demo.test')).toBeGreaterThan(9);
    expect((await get(server.url, '/api/me', cookie)).status).toBe(200);
    expect(await idleMinutes('physio@demo.test')).toBeLessThan(1);
  });

  it("marks a plan page's own refreshes as background once no one has used it for a minute", async () => {
    const browser = await launchBrowser();
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    const planId = await firstPlanId(server.url, await login(server.url, 'nurse@demo.test'));
    // Time runs as usual, but the test can move it on: the page's timers go with it.
    await nurse.clock.install();
    await openPlan(nurse, planId);
    await ageSessions('nurse@demo.test');
    const refresh = () =>
      nurse.waitForRequest((r: Request) => r.url().includes(`/plans/${planId}/changes`), {
        timeout: STEP_MS,
      });

    // Untouched for a minute and a half: the refresh goes, marked, and the session stays idle.
    let next = refresh();
    await nurse.clock.fastForward('01:30');
    expect((await next).headers()[BACKGROUND_HEADER]).toBe('1');
    await (await next).response();
    expect(await idleMinutes('nurse@demo.test')).toBeGreaterThan(9);

    // A key pressed: the next refresh counts as use.
    await nurse.keyboard.press('Shift');
    next = refresh();
    await nurse.clock.fastForward('00:30');
    expect((await next).headers()[BACKGROUND_HEADER]).toBeUndefined();
    await (await next).response();
    expect(await idleMinutes('nurse@demo.test')).toBeLessThan(1);
  });
});

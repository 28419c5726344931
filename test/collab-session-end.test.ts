import { describe, expect, it } from 'vitest';
import { CloseCode, sharedPlanDocument } from '@careweave/shared';
import { closeCodeOf, firstPlanId, login, openRaw, opened } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer } from './support/server.js';

const HEARTBEAT_MS = 200;

describe(`an open socket outlives no session (${databaseBackend})`, () => {
  it('closes every open plan of a user with 4401 soon after they sign out elsewhere, and no one else’s', async () => {
    const server = await startServer({ env: { HEARTBEAT_MS: String(HEARTBEAT_MS) } });
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const docName = sharedPlanDocument(await firstPlanId(server.url, nurseCookie));
    // Two tabs of the nurse's and one of the GP's, on the same plan.
    const nurseTabs = [0, 1].map(() => openRaw(server.wsUrl, docName, { cookie: nurseCookie }));
    const gpTab = openRaw(server.wsUrl, docName, { cookie: gpCookie });
    await Promise.all([...nurseTabs, gpTab].map(opened));
    const closed = nurseTabs.map((tab) => closeCodeOf(tab));

    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: nurseCookie },
    });
    expect(out.status).toBe(200);
    for (const tab of await Promise.all(closed)) {
      expect(tab).toEqual({
        code: CloseCode.Unauthorized,
        reason: 'Your session has ended: sign in again',
      });
    }
    // Several more rounds of checks: the GP's session still holds.
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS * 4));
    expect(gpTab.readyState).toBe(gpTab.OPEN);
  });
});

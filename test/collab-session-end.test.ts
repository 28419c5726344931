import { describe, expect, it } from 'vitest';
import { CloseCode, sharedPlanDocument } from '@careweave/shared';
import { closeCodeOf, firstPlanId, login, openRaw, opened } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer } from './support/server.js';

describe(`an open socket outlives no session (${databaseBackend})`, () => {
  it('closes an open plan with 4401 soon after its user signs out elsewhere', async () => {
    const server = await startServer({ env: { HEARTBEAT_MS: '200' } });
    const cookie = await login(server.url, 'nurse@demo.test');
    const socket = openRaw(
      server.wsUrl,
      sharedPlanDocument(await firstPlanId(server.url, cookie)),
      {
        cookie,
      },
    );
    await opened(socket);
    const closed = closeCodeOf(socket);

    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(out.status).toBe(200);
    expect(await closed).toEqual({
      code: CloseCode.Unauthorized,
      reason: 'Your session has ended: sign in again',
    });
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, clinicalPlanDocument, sharedPlanDocument } from '@careweave/shared';
import {
  closeCodeOf,
  firstMessage,
  firstPlanId,
  login,
  openRaw,
  opened,
} from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

describe(`who may open a document over /collab (${databaseBackend})`, () => {
  let server: TestServer;
  let planId: string;
  let gpCookie: string;

  beforeAll(async () => {
    server = await startServer();
    gpCookie = await login(server.url, 'gp@demo.test');
    // A plan the partner can see (consented), so only the document kind decides.
    planId = await firstPlanId(server.url, await login(server.url, 'partner@demo.test'));
  });

  it('closes with 4401 when there is no session cookie', async () => {
    const socket = openRaw(server.wsUrl, sharedPlanDocument(planId));
    expect((await closeCodeOf(socket)).code).toBe(CloseCode.Unauthorized);
  });

  it('closes with 4401 for a session cookie the server never issued', async () => {
    const socket = openRaw(server.wsUrl, sharedPlanDocument(planId), {
      cookie: 'session=not-a-real-session-token',
    });
    expect((await closeCodeOf(socket)).code).toBe(CloseCode.Unauthorized);
  });

  it('closes with 4403 when a voluntary partner opens the clinical document', async () => {
    const partner = await login(server.url, 'partner@demo.test');
    const socket = openRaw(server.wsUrl, clinicalPlanDocument(planId), { cookie: partner });
    const close = await closeCodeOf(socket);
    expect(close.code).toBe(CloseCode.Forbidden);
    expect(close.reason).not.toBe('');
  });

  it('lets the partner open the shared document of a person who consented', async () => {
    // The control for the clinical refusal: the partner is refused the kind, not the plan.
    const partner = await login(server.url, 'partner@demo.test');
    const socket = openRaw(server.wsUrl, sharedPlanDocument(planId), { cookie: partner });
    const greeting = firstMessage(socket);
    await opened(socket);
    expect([...(await greeting).subarray(0, 2)]).toEqual([0, 0]);
    socket.close();
  });

  it('closes with 4403 for a plan that does not exist', async () => {
    const socket = openRaw(server.wsUrl, sharedPlanDocument(randomUUID()), { cookie: gpCookie });
    expect((await closeCodeOf(socket)).code).toBe(CloseCode.Forbidden);
  });

  it('closes with 4400 for a document name that names nothing', async () => {
    const socket = openRaw(server.wsUrl, 'nonsense', { cookie: gpCookie });
    expect((await closeCodeOf(socket)).code).toBe(CloseCode.Malformed);
  });

  it('closes with 4403 when the Origin is another site', async () => {
    const socket = openRaw(server.wsUrl, sharedPlanDocument(planId), {
      cookie: gpCookie,
      origin: 'https://evil.example',
    });
    expect((await closeCodeOf(socket)).code).toBe(CloseCode.Forbidden);
  });

  it('lets the GP in from the server’s own Origin', async () => {
    // The control for the refusals above: the same cookie and document are accepted.
    const socket = openRaw(server.wsUrl, sharedPlanDocument(planId), {
      cookie: gpCookie,
      origin: server.url,
    });
    const greeting = firstMessage(socket);
    await opened(socket);
    // The server opens the sync: step 1 of the y-websocket sync protocol.
    expect([...(await greeting).subarray(0, 2)]).toEqual([0, 0]);
    expect(socket.readyState).toBe(socket.OPEN);
    socket.close();
  });
});

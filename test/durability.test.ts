import { describe, expect, it } from 'vitest';
import { fragmentText, sharedPlanDocument, whatMattersToMe } from '@careweave/shared';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { connect, destroy, firstPlanId, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

const SENTENCE = 'I want to walk my dog to the park by the spring.';

/** The server logs an update within a few milliseconds of broadcasting it (DESIGN §4). */
const LOGGED_WITHIN_MS = 100;

/** The GP types the sentence a key at a time into a fresh paragraph. */
function typeSentence(gp: WebsocketProvider) {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  whatMattersToMe(gp.doc).insert(0, [paragraph]);
  for (const [i, key] of [...SENTENCE].entries()) text.insert(i, key);
}

/**
 * Types the sentence and resolves once the nurse has received all of it, i.e. once the
 * server has broadcast every keystroke, and the logging window has passed. Both clients are
 * gone afterwards, so nothing can re-send the edits to the restarted server.
 */
async function typeUntilBroadcast(server: TestServer, docName: string) {
  const gp = connect(server.wsUrl, docName, await login(server.url, 'gp@demo.test'));
  const nurse = connect(server.wsUrl, docName, await login(server.url, 'nurse@demo.test'));
  await Promise.all([synced(gp), synced(nurse)]);
  typeSentence(gp);
  await waitFor(
    () => fragmentText(whatMattersToMe(nurse.doc)).includes(SENTENCE),
    'the nurse to receive every keystroke',
  );
  await new Promise((resolve) => setTimeout(resolve, LOGGED_WITHIN_MS));
  return () => {
    destroy(gp);
    destroy(nurse);
  };
}

/** What a client with no local state sees in the document now. */
async function freshRead(server: TestServer, docName: string): Promise<string> {
  const reader = connect(server.wsUrl, docName, await login(server.url, 'navigator@demo.test'));
  await synced(reader);
  return fragmentText(whatMattersToMe(reader.doc));
}

describe(`edits survive the server stopping (${databaseBackend})`, () => {
  it('keeps every broadcast edit when the server is killed with SIGKILL', async () => {
    const server = await startServer();
    const docName = sharedPlanDocument(
      await firstPlanId(server.url, await login(server.url, 'gp@demo.test')),
    );
    const disconnect = await typeUntilBroadcast(server, docName);

    // Killed at once: only what the server wrote before broadcasting can survive.
    const exit = await server.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    disconnect();
    await server.restart();

    expect(await freshRead(server, docName)).toContain(SENTENCE);
  });

  it('keeps every edit and exits cleanly on SIGTERM', async () => {
    const server = await startServer();
    const docName = sharedPlanDocument(
      await firstPlanId(server.url, await login(server.url, 'gp@demo.test')),
    );
    const disconnect = await typeUntilBroadcast(server, docName);

    const exit = await server.kill('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    disconnect();
    await server.restart();

    expect(await freshRead(server, docName)).toContain(SENTENCE);
  });

  it('gets back edits typed the instant before a SIGKILL from their author on reconnect', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'gp@demo.test');
    const docName = sharedPlanDocument(await firstPlanId(server.url, cookie));
    const gp = connect(server.wsUrl, docName, cookie);
    await synced(gp);

    typeSentence(gp);
    await server.kill('SIGKILL');
    await server.restart({ samePort: true });
    // y-websocket reconnects by itself and its sync step 2 carries what the server lacks.
    await waitFor(() => gp.wsconnected && gp.synced, 'the GP to reconnect and resync', 20_000);
    destroy(gp);

    expect(await freshRead(server, docName)).toContain(SENTENCE);
  });
});

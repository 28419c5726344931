import { describe, expect, it } from 'vitest';
import { sharedPlanDocument } from '@careweave/shared';
import { connect, destroy, firstPlanId, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer } from './support/server.js';

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe(`rooms unload when idle (${databaseBackend})`, () => {
  it('unloads a room after everyone leaves and reloads it intact for the next client', async () => {
    const server = await startServer({ env: { ROOM_IDLE_MS: '300' } });
    const cookie = await login(server.url, 'gp@demo.test');
    const docName = sharedPlanDocument(await firstPlanId(server.url, cookie));
    const loaded = new RegExp(`room loaded ${escape(docName)}`);
    const unloaded = new RegExp(`room unloaded ${escape(docName)}`);

    const writer = connect(server.wsUrl, docName, cookie);
    await synced(writer);
    await server.waitForOutput(loaded);
    writer.doc.getText('lifecycle').insert(0, 'Kept while nobody is here');
    const reader = connect(server.wsUrl, docName, await login(server.url, 'nurse@demo.test'));
    await waitFor(
      () => reader.doc.getText('lifecycle').toString() === 'Kept while nobody is here',
      'the edit to reach the server',
    );
    expect(server.output()).not.toMatch(unloaded);

    destroy(writer);
    destroy(reader);
    await server.waitForOutput(unloaded, 5_000);
    const afterUnload = server.output().length;

    const next = connect(server.wsUrl, docName, await login(server.url, 'social@demo.test'));
    await synced(next);
    expect(next.doc.getText('lifecycle').toString()).toBe('Kept while nobody is here');
    await server.waitForOutput(loaded, 5_000, afterUnload);
  });

  it('keeps a room loaded while someone is still in it', async () => {
    const server = await startServer({ env: { ROOM_IDLE_MS: '300' } });
    const cookie = await login(server.url, 'gp@demo.test');
    const docName = sharedPlanDocument(await firstPlanId(server.url, cookie));
    const stayer = connect(server.wsUrl, docName, cookie);
    const leaver = connect(server.wsUrl, docName, await login(server.url, 'nurse@demo.test'));
    await Promise.all([synced(stayer), synced(leaver)]);

    destroy(leaver);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.output()).not.toMatch(new RegExp(`room unloaded ${escape(docName)}`));
  });
});

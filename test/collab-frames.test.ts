import type { Socket } from 'node:net';
import * as encoding from 'lib0/encoding';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { sharedPlanDocument } from '@careweave/shared';
import {
  connect,
  firstMessage,
  firstPlanId,
  login,
  openRaw,
  opened,
  synced,
  waitFor,
} from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

/** A y-websocket update message: sync, update, the Yjs update. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A client frame as a browser sends it: final, masked with a random key. */
function maskedFrame(opcode: number, payload: Uint8Array): number[] {
  const mask = [...crypto.getRandomValues(new Uint8Array(4))];
  const length =
    payload.length < 126
      ? [0x80 | payload.length]
      : [0x80 | 126, payload.length >> 8, payload.length & 0xff];
  return [0x80 | opcode, ...length, ...mask, ...payload.map((b, i) => b ^ mask[i & 3]!)];
}

/** Writes bytes to the TCP socket under a ws client, so the test decides how frames split. */
function writeRaw(ws: WebSocket, bytes: number[]): Promise<void> {
  const socket = (ws as unknown as { _socket: Socket })._socket;
  return new Promise((resolve) => socket.write(Uint8Array.from(bytes), () => resolve()));
}

describe(`how client frames arrive on the socket (${databaseBackend})`, () => {
  let server: TestServer;
  let docName: string;

  beforeAll(async () => {
    server = await startServer();
    docName = sharedPlanDocument(
      await firstPlanId(server.url, await login(server.url, 'gp@demo.test')),
    );
  });

  it('reads frames together in one chunk, split over chunks, and mixed with a ping, in order', async () => {
    const nurseDoc = new Y.Doc();
    const nurse = connect(server.wsUrl, docName, await login(server.url, 'nurse@demo.test'), {
      doc: nurseDoc,
    });
    await synced(nurse);
    const seen: string[] = [];
    const nurseText = nurseDoc.getText('frames');
    nurseText.observe(() => seen.push(nurseText.toString()));
    const gp = openRaw(server.wsUrl, docName, { cookie: await login(server.url, 'gp@demo.test') });
    const greeting = firstMessage(gp);
    await opened(gp);
    await greeting;

    // Each edit builds on the one before: taken out of order, one would wait for the other and
    // the nurse would never see the text between them.
    const typing = new Y.Doc();
    const text = typing.getText('frames');
    const frames = ['Walk ', 'to the ', 'shops ', 'on my own'].map((words) => {
      const before = Y.encodeStateVector(typing);
      text.insert(text.length, words);
      return maskedFrame(0x2, updateMessage(Y.encodeStateAsUpdate(typing, before)));
    });
    const pong = new Promise<void>((resolve) => gp.once('pong', () => resolve()));

    await writeRaw(gp, [...frames[0]!, ...frames[1]!]); // two whole frames in one chunk
    const third = frames[2]!;
    await writeRaw(gp, third.slice(0, 5)); // a frame split over two chunks…
    await writeRaw(gp, [...third.slice(5), ...maskedFrame(0x9, Uint8Array.of(1))]); // …and a ping
    await writeRaw(gp, frames[3]!); // whole again once the reader is between frames

    await pong;
    await waitFor(() => seen.length === 4, 'the nurse to see every edit');
    expect(seen).toEqual([
      'Walk ',
      'Walk to the ',
      'Walk to the shops ',
      'Walk to the shops on my own',
    ]);
    expect(gp.readyState).toBe(gp.OPEN);
  });
});

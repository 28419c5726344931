import { connect as connectTcp } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, sharedPlanDocument } from '@careweave/shared';
import {
  closeCodeOf,
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

const LIMIT = 65_536;

/** Two well-behaved clients in one room, counting any disconnection they suffer. */
async function healthyPair(server: TestServer, docName: string) {
  const gp = connect(server.wsUrl, docName, await login(server.url, 'gp@demo.test'));
  const nurse = connect(server.wsUrl, docName, await login(server.url, 'nurse@demo.test'));
  await Promise.all([synced(gp), synced(nurse)]);
  let disconnects = 0;
  for (const provider of [gp, nurse]) provider.on('connection-close', () => disconnects++);
  return { gp, nurse, disconnects: () => disconnects };
}

/** A raw socket of the social worker's that has joined the room. */
async function joinedRawSocket(server: TestServer, docName: string) {
  const cookie = await login(server.url, 'social@demo.test');
  const socket = openRaw(server.wsUrl, docName, { cookie });
  const greeting = firstMessage(socket);
  await opened(socket);
  // Wait for the server's first message, so the bad one reaches a loaded room.
  await greeting;
  return socket;
}

describe(`malformed and oversized messages (${databaseBackend})`, () => {
  let server: TestServer;
  let docName: string;

  beforeAll(async () => {
    server = await startServer({ env: { MAX_MESSAGE_BYTES: String(LIMIT) } });
    docName = sharedPlanDocument(
      await firstPlanId(server.url, await login(server.url, 'gp@demo.test')),
    );
  });

  it.each([
    ['an unknown sync step', [0, 7, 0]],
    ['an unknown message type', [99]],
    ['a truncated update', [0, 2, 5, 1]],
  ])('closes a connection that sends %s with 4400 and the room carries on', async (what, bytes) => {
    const { gp, nurse, disconnects } = await healthyPair(server, docName);
    const bad = await joinedRawSocket(server, docName);
    const closed = closeCodeOf(bad);
    bad.send(new Uint8Array(bytes));
    expect((await closed).code).toBe(CloseCode.Malformed);

    const text = `after ${what}`;
    gp.doc.getText('bad-input').insert(0, `${text}. `);
    await waitFor(() => nurse.doc.getText('bad-input').toString().includes(text), 'the edit after');
    expect(disconnects()).toBe(0);
  });

  it('closes a connection that sends a text frame with 4400 and the room carries on', async () => {
    const { gp, nurse, disconnects } = await healthyPair(server, docName);
    const bad = await joinedRawSocket(server, docName);
    const closed = closeCodeOf(bad);
    bad.send('{"type":"update"}');
    expect((await closed).code).toBe(CloseCode.Malformed);

    gp.doc.getText('bad-input').insert(0, 'after a text frame. ');
    await waitFor(
      () => nurse.doc.getText('bad-input').toString().includes('after a text frame'),
      'the edit after',
    );
    expect(disconnects()).toBe(0);
  });

  it(`closes a connection that sends a message over MAX_MESSAGE_BYTES with 4413`, async () => {
    const { gp, nurse, disconnects } = await healthyPair(server, docName);
    const big = await joinedRawSocket(server, docName);
    const closed = closeCodeOf(big);
    const message = new Uint8Array(100 * 1024);
    message.set([0, 2]); // sync update, then a body far over the limit
    big.send(message);
    expect((await closed).code).toBe(CloseCode.TooLarge);

    nurse.doc.getText('oversize').insert(0, 'still here');
    await waitFor(() => gp.doc.getText('oversize').toString() === 'still here', 'the edit after');
    expect(disconnects()).toBe(0);
  });

  it('refuses a frame that declares a gigabyte with 4413 from its header alone', async () => {
    const { gp, nurse, disconnects } = await healthyPair(server, docName);
    const big = await joinedRawSocket(server, docName);
    const closed = closeCodeOf(big);
    // A masked binary frame header declaring 2^30 bytes, then the first few of them: the
    // server must not wait for (or gather) the rest, far past what the transport would hold.
    const header = Buffer.alloc(14);
    header[0] = 0x82;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(2n ** 30n, 2);
    const tcp = (big as unknown as { _socket: import('node:net').Socket })._socket;
    tcp.write(Buffer.concat([header, Buffer.from([0, 2, 1, 2, 3, 4])]));
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.TooLarge);
    expect(reason).toMatch(/over 65536 bytes/);

    nurse.doc.getText('huge').insert(0, 'unharmed');
    await waitFor(() => gp.doc.getText('huge').toString() === 'unharmed', 'the edit after');
    expect(disconnects()).toBe(0);
  });

  it.each(['/collab/', '/collab/a/b', '/collab//plan', '/collab/plan/'])(
    'refuses an upgrade to %s and stays up',
    async (path) => {
      const { port } = new URL(server.url);
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const socket = connectTcp(Number(port), '127.0.0.1', () => {
          socket.write(
            `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\n` +
              'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n' +
              'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
          );
        });
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    },
  );

  it('accepts a message just under the limit', async () => {
    // The control for the test above: size alone decides, not the content.
    const { gp, nurse } = await healthyPair(server, docName);
    const note = 'x'.repeat(LIMIT - 1024);
    gp.doc.getText('large-but-allowed').insert(0, note);
    await waitFor(
      () => nurse.doc.getText('large-but-allowed').length === note.length,
      'the large edit to arrive',
    );
  });
});

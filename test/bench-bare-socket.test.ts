import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { BareSocket } from '../bench/dist/load/bare-socket.js';

let server: WebSocketServer | null = null;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

/** A ws server on a free port; resolves with its URL and its first connection. */
async function serve(): Promise<{ url: string; peer: Promise<WebSocket>; headers: string[] }> {
  const headers: string[] = [];
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server = wss;
  await new Promise((resolve) => wss.once('listening', resolve));
  const peer = new Promise<WebSocket>((resolve) =>
    wss.once('connection', (ws, request) => {
      headers.push(String(request.headers.cookie));
      resolve(ws);
    }),
  );
  const { port } = wss.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}/room`, peer, headers };
}

function opened(socket: BareSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.onOpen = resolve;
    socket.onError = reject;
  });
}

describe("the bench's bare WebSocket client", () => {
  it('exchanges binary messages of every length encoding with a standard server', async () => {
    const { url, peer, headers } = await serve();
    const socket = new BareSocket(url, { cookie: 'session=abc' });
    await opened(socket);
    const ws = await peer;
    expect(headers).toEqual(['session=abc']);

    const sizes = [3, 125, 126, 300, 70_000];
    const echoed: number[][] = [];
    ws.on('message', (data: Buffer) => ws.send(data));
    const all = new Promise<void>((resolve) => {
      socket.onMessage = (payload) => {
        echoed.push([payload.length, payload[0]!, payload[payload.length - 1]!]);
        if (echoed.length === sizes.length) resolve();
      };
    });
    for (const size of sizes) {
      const message = new Uint8Array(size).fill(size % 251);
      message[size - 1] = 7;
      socket.send(message);
    }
    await all;
    expect(echoed).toEqual(sizes.map((size) => [size, size % 251, 7]));
  });

  it('answers pings, and reports the close code the server sends', async () => {
    const { url, peer } = await serve();
    const socket = new BareSocket(url, {});
    await opened(socket);
    const ws = await peer;
    const pong = new Promise<string>((resolve) => ws.once('pong', (data) => resolve(String(data))));
    ws.ping('are you there');
    expect(await pong).toBe('are you there');

    const closed = new Promise<[number, string]>((resolve) => {
      socket.onClose = (code, reason) => resolve([code, reason]);
    });
    ws.close(4401, 'session ended');
    expect(await closed).toEqual([4401, 'session ended']);
    expect(socket.open).toBe(false);
  });

  it('reports an upgrade the server refuses', async () => {
    const { url } = await serve();
    server!.options.verifyClient = () => false;
    const socket = new BareSocket(url, {});
    await expect(opened(socket)).rejects.toThrow(/upgrade refused: HTTP\/1\.1 401/);
  });
});

import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * The least WebSocket client a load generator can be (RFC 6455): one TCP socket, a
 * hand-written upgrade, and frames read straight from each chunk the socket delivers. The
 * ws client runs every message through a stream of its own and an event; at thousands of
 * sockets that made the generator cost as much as the server it measured.
 *
 * Every socket reads into one shared buffer (Node's `onread`), without a Buffer, a stream
 * push and an event per chunk, so a message handed to `onMessage` is valid only during the
 * call.
 *
 * It speaks what the bench needs: binary messages each way, pings answered, a close ends it.
 * Frames it sends carry the mask bit with an all-zero key (RFC 6455 §5.3: the key guards
 * browsers' intermediaries, not a loopback bench), so payloads go out unaltered. A server
 * that fragments a message or sends text is told off with a close: none of the ones here do.
 */
export class BareSocket {
  readonly #socket: Socket;
  /** Bytes of an unfinished frame (or upgrade response) from earlier chunks. */
  #pending: Buffer | null = null;
  #open = false;
  #closed = false;
  onOpen: () => void = () => {};
  /** A binary message; its bytes are valid only until the call returns. */
  onMessage: (payload: Buffer) => void = () => {};
  onClose: (code: number, reason: string) => void = () => {};
  onError: (error: Error) => void = () => {};

  constructor(url: string, headers: Record<string, string>) {
    const { hostname, port, pathname, search } = new URL(url);
    const key = randomBytes(16).toString('base64');
    const lines = [
      `GET ${pathname}${search} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    this.#socket = connect({
      host: hostname,
      port: Number(port),
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (length: number, buffer: Uint8Array) => {
          this.#receive(Buffer.from(buffer.buffer, buffer.byteOffset, length));
          return true;
        },
      },
    });
    this.#socket.on('connect', () => this.#socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    this.#socket.on('error', (error) => this.onError(error));
    this.#socket.on('close', () => this.#end(1006, 'connection lost'));
  }

  get open(): boolean {
    return this.#open && !this.#closed;
  }

  /** Sends one binary message. */
  send(payload: Uint8Array): void {
    if (!this.open) return;
    this.#socket.write(clientFrame(OPCODE_BINARY, payload));
  }

  /** Drops the connection at once, like ws's terminate. */
  terminate(): void {
    this.#socket.destroy();
    this.#end(1006, 'terminated');
  }

  #end(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onClose(code, reason);
  }

  #receive(chunk: Buffer): void {
    let data = this.#pending ? Buffer.concat([this.#pending, chunk]) : chunk;
    this.#pending = null;
    if (!this.#open) {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) {
        this.#pending = Buffer.from(data);
        return;
      }
      const status = data.subarray(0, data.indexOf('\r\n')).toString('latin1');
      if (!/^HTTP\/1\.1 101 /.test(status)) {
        this.onError(new Error(`upgrade refused: ${status}`));
        this.terminate();
        return;
      }
      this.#open = true;
      this.onOpen();
      data = data.subarray(end + 4);
    }
    let at = 0;
    while (!this.#closed) {
      const frame = readFrame(data, at);
      if (!frame) break;
      at = frame.end;
      this.#handle(frame.opcode, frame.fin, data.subarray(frame.start, frame.end));
    }
    // A copy: `data` may be the shared read buffer, which the next read overwrites.
    if (at < data.length && !this.#closed) this.#pending = Buffer.from(data.subarray(at));
  }

  #handle(opcode: number, fin: boolean, payload: Buffer): void {
    if (opcode === OPCODE_BINARY && fin) return this.onMessage(payload);
    if (opcode === OPCODE_PING) return void this.#socket.write(clientFrame(OPCODE_PONG, payload));
    if (opcode === OPCODE_PONG) return;
    if (opcode === OPCODE_CLOSE) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      this.#socket.end(clientFrame(OPCODE_CLOSE, payload.subarray(0, 2)));
      return this.#end(code, payload.subarray(2).toString());
    }
    // Text or fragmented messages: nothing here sends them, so the server is not one we know.
    this.#socket.end(clientFrame(OPCODE_CLOSE, Buffer.from([0x03, 0xeb])));
    this.#end(1003, `unexpected frame (opcode ${opcode}, fin ${fin})`);
  }
}

/** Every socket's reads land here in turn; each chunk is parsed before the next read. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

const OPCODE_BINARY = 0x2;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;

/** One whole server frame at `at` (servers do not mask), or null if it has not all arrived. */
function readFrame(
  data: Buffer,
  at: number,
): { opcode: number; fin: boolean; start: number; end: number } | null {
  if (data.length - at < 2) return null;
  const first = data[at]!;
  const lengthByte = data[at + 1]! & 0x7f;
  let start = at + 2;
  let length = lengthByte;
  if (lengthByte === 126) {
    if (data.length < start + 2) return null;
    length = data.readUInt16BE(start);
    start += 2;
  } else if (lengthByte === 127) {
    if (data.length < start + 8) return null;
    length = Number(data.readBigUInt64BE(start));
    start += 8;
  }
  const end = start + length;
  if (data.length < end) return null;
  return { opcode: first & 0x0f, fin: (first & 0x80) !== 0, start, end };
}

/** A masked client frame with an all-zero key, so the payload is copied as it is. */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) {
    frame[1] = 0x80 | length;
  } else if (length < 65_536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.writeUInt32BE(0, header);
  frame.set(payload, header + 4);
  return frame;
}

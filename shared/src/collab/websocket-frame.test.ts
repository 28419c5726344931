import { describe, expect, it } from 'vitest';
import { binaryFrame, largestDeclaredLength, readClientBinaryFrames } from './websocket-frame.js';

const payload = (length: number) => Uint8Array.from({ length }, (_, i) => i % 251);

describe('binaryFrame', () => {
  it('puts a short payload after a two-byte header: final, binary, unmasked', () => {
    const frame = binaryFrame(Uint8Array.of(0, 2, 7));
    expect([...frame]).toEqual([0x82, 3, 0, 2, 7]);
  });

  it('frames an empty message', () => {
    expect([...binaryFrame(new Uint8Array(0))]).toEqual([0x82, 0]);
  });

  it('uses the 16-bit length from 126 bytes up to 65,535', () => {
    for (const length of [125, 126, 65535]) {
      const frame = binaryFrame(payload(length));
      const view = new DataView(frame.buffer);
      if (length === 125) {
        expect(frame[1]).toBe(125);
        continue;
      }
      expect(frame[1]).toBe(126);
      expect(view.getUint16(2)).toBe(length);
      expect(frame.subarray(4)).toEqual(payload(length));
    }
  });

  it('uses the 64-bit length from 65,536 bytes', () => {
    const frame = binaryFrame(payload(70_000));
    expect(frame[1]).toBe(127);
    expect(new DataView(frame.buffer).getBigUint64(2)).toBe(70_000n);
    expect(frame.subarray(10)).toEqual(payload(70_000));
  });

  it('frames a payload that is a view into a larger buffer', () => {
    const whole = payload(20);
    expect([...binaryFrame(whole.subarray(5, 8))]).toEqual([0x82, 3, 5, 6, 7]);
  });
});

/** A client frame: final, binary, masked with `mask`, the payload XORed with it. */
function clientFrame(payload: Uint8Array, mask = [0x12, 0x34, 0x56, 0x78], first = 0x82): number[] {
  const length =
    payload.length < 126
      ? [0x80 | payload.length]
      : [0x80 | 126, payload.length >> 8, payload.length & 0xff];
  return [first, ...length, ...mask, ...payload.map((byte, i) => byte ^ mask[i & 3]!)];
}

describe('readClientBinaryFrames', () => {
  it('unmasks every whole binary frame of a chunk, in order', () => {
    const chunk = Uint8Array.from([
      ...clientFrame(Uint8Array.of(0, 2, 9, 8, 7)),
      ...clientFrame(payload(300), [1, 2, 3, 4]),
      ...clientFrame(new Uint8Array(0)),
    ]);
    const messages = readClientBinaryFrames(chunk);
    expect(messages).toEqual([Uint8Array.of(0, 2, 9, 8, 7), payload(300), new Uint8Array(0)]);
  });

  it('leaves a chunk it cannot read whole untouched, for the WebSocket library', () => {
    const whole = clientFrame(Uint8Array.of(1, 2, 3));
    const cases = {
      partial: [...whole, ...clientFrame(Uint8Array.of(4, 5, 6)).slice(0, 7)],
      ping: [...whole, ...clientFrame(Uint8Array.of(1), undefined, 0x89)],
      text: clientFrame(Uint8Array.of(65), undefined, 0x81),
      fragment: clientFrame(Uint8Array.of(1), undefined, 0x02),
      unmasked: [0x82, 1, 7],
      long: [0x82, 0x80 | 127, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 3, 4],
      tooShort: [0x82],
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const chunk = Uint8Array.from(bytes);
      expect(readClientBinaryFrames(chunk), name).toBeNull();
      expect([...chunk], name).toEqual(bytes);
    }
  });
});

describe('largestDeclaredLength', () => {
  it('reads 7-, 16- and 64-bit lengths from the headers of a chunk’s frames', () => {
    expect(largestDeclaredLength(Uint8Array.from(clientFrame(payload(5))))).toBe(5);
    const chunk = Uint8Array.from([
      ...clientFrame(payload(3)),
      ...clientFrame(payload(300)),
      ...clientFrame(payload(10)),
    ]);
    expect(largestDeclaredLength(chunk)).toBe(300);
    // 2^32 bytes declared, four of them sent: the header alone says how large.
    const huge = [0x82, 0x80 | 127, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4, 9, 9, 9, 9];
    expect(largestDeclaredLength(Uint8Array.from(huge))).toBe(2 ** 32);
    expect(largestDeclaredLength(Uint8Array.from([...clientFrame(payload(2)), ...huge]))).toBe(
      2 ** 32,
    );
  });

  it('counts no header cut off at the chunk’s end', () => {
    expect(largestDeclaredLength(Uint8Array.of(0x82))).toBe(0);
    expect(largestDeclaredLength(Uint8Array.of(0x82, 0x80 | 126, 1))).toBe(0);
    expect(largestDeclaredLength(Uint8Array.of(0x82, 0x80 | 127, 0, 0, 0, 1))).toBe(0);
    const whole = clientFrame(payload(40));
    expect(largestDeclaredLength(Uint8Array.from([...whole, 0x82, 0x80 | 126]))).toBe(40);
  });
});

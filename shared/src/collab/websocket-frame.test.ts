import { describe, expect, it } from 'vitest';
import { binaryFrame } from './websocket-frame.js';

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

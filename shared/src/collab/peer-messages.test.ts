import { describe, expect, it } from 'vitest';
import { decodePeerMessage, encodePeerMessage, type PeerMessage } from './peer-messages.js';

describe('peer messages', () => {
  const bytes = Uint8Array.of(1, 2, 3);
  const messages: PeerMessage[] = [
    { kind: 'update', from: 'p1', authorId: 'user-1', update: bytes },
    { kind: 'update', from: 'p1', authorId: null, update: bytes },
    { kind: 'awareness', from: 'p2', update: bytes },
    { kind: 'hello', from: 'p3', stateVector: bytes },
    { kind: 'answer', from: 'p1', to: 'p3', update: bytes },
  ];

  it.each(messages)('round-trips a $kind message', (message) => {
    expect(decodePeerMessage(encodePeerMessage(message))).toEqual(message);
  });

  it('refuses unknown kinds, truncated and padded messages', () => {
    const valid = encodePeerMessage(messages[0]!);
    expect(decodePeerMessage(Uint8Array.of(9, 0))).toBeNull();
    expect(decodePeerMessage(valid.subarray(0, valid.length - 1))).toBeNull();
    expect(decodePeerMessage(Uint8Array.of(...valid, 0))).toBeNull();
    expect(decodePeerMessage(new Uint8Array())).toBeNull();
  });
});

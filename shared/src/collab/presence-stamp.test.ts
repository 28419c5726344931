import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { stampAwarenessUpdate } from './presence-stamp.js';

const nurse = { id: 'u-nurse', name: 'Sam Whitfield', role: 'nurse', colour: '#007f3b' };

function updateFrom(state: Record<string, unknown> | null): {
  update: Uint8Array;
  clientId: number;
} {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  return {
    update: awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
    clientId: doc.clientID,
  };
}

describe('stampAwarenessUpdate', () => {
  it('replaces a claimed identity with the signed-in one and keeps the rest', () => {
    const { update, clientId } = updateFrom({
      user: { id: 'u-gp', name: 'Dr Somebody Else', color: '#000' },
      cursor: { anchor: 1 },
    });
    const receiver = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(receiver, stampAwarenessUpdate(update, nurse), null);
    expect(receiver.getStates().get(clientId)).toEqual({
      user: { ...nurse, color: '#007f3b' },
      cursor: { anchor: 1 },
    });
  });

  it('leaves a removal (null state) as a removal', () => {
    const { update } = updateFrom(null);
    const receiver = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(receiver, stampAwarenessUpdate(update, nurse), null);
    expect(receiver.getStates().size).toBe(1); // only the receiver's own state
  });

  it('throws on a truncated update or a state that is not JSON', () => {
    const { update } = updateFrom({ user: {} });
    expect(() => stampAwarenessUpdate(update.subarray(0, update.length - 2), nurse)).toThrow();
    const bad = Uint8Array.of(1, 5, 1, 3, 0x7b, 0x7b, 0x7b);
    expect(() => stampAwarenessUpdate(bad, nurse)).toThrow();
  });
});

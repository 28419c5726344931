import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { applyStampedAwarenessUpdate } from './presence-stamp.js';

const nurse = { id: 'u-nurse', name: 'Sam Whitfield', role: 'nurse', colour: '#007f3b' };
const stampedNurse = { ...nurse, color: '#007f3b' };

/** A client's awareness, and the update announcing its current state. */
function client() {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  return {
    clientId: doc.clientID,
    set(state: Record<string, unknown> | null): Uint8Array {
      awareness.setLocalState(state);
      return awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    },
  };
}

/** A server-side awareness that records every event it emits. */
function receiver() {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const events: unknown[] = [];
  awareness.on('change', (change: unknown, origin: unknown) =>
    events.push(['change', change, origin]),
  );
  awareness.on('update', (change: unknown, origin: unknown) =>
    events.push(['update', change, origin]),
  );
  return { awareness, events };
}

describe('applyStampedAwarenessUpdate', () => {
  it('replaces a claimed identity with the signed-in one and keeps the rest', () => {
    const sam = client();
    const update = sam.set({
      user: { id: 'u-gp', name: 'Dr Somebody Else', color: '#000' },
      cursor: { anchor: 1 },
    });
    const { awareness } = receiver();
    applyStampedAwarenessUpdate(awareness, update, nurse, null);
    expect(awareness.getStates().get(sam.clientId)).toEqual({
      user: stampedNurse,
      cursor: { anchor: 1 },
    });
  });

  it('changes state and emits events exactly as y-protocols would for the stamped update', () => {
    const sam = client();
    const steps = [
      sam.set({ cursor: 1 }),
      sam.set({ cursor: 1 }), // the same state again: an update, not a change
      sam.set({ cursor: 2 }),
      sam.set(null),
    ];
    const stale = steps[1]!;
    const ours = receiver();
    const theirs = receiver();
    for (const update of [...steps, stale]) {
      applyStampedAwarenessUpdate(ours.awareness, update, nurse, 'origin');
      awarenessProtocol.applyAwarenessUpdate(theirs.awareness, stampedCopy(update), 'origin');
      expect(ours.awareness.getStates()).toEqual(theirs.awareness.getStates());
      expect(ours.awareness.meta.get(sam.clientId)?.clock).toBe(
        theirs.awareness.meta.get(sam.clientId)?.clock,
      );
    }
    expect(ours.events).toEqual(theirs.events);
    expect(ours.events.length).toBe(7);
  });

  it('throws, and applies nothing, on a truncated update or a state that is not JSON', () => {
    const sam = client();
    const update = sam.set({ cursor: 1 });
    const { awareness, events } = receiver();
    expect(() =>
      applyStampedAwarenessUpdate(awareness, update.subarray(0, update.length - 2), nurse, null),
    ).toThrow();
    const second = Uint8Array.of(2, 5, 1, 2, 0x7b, 0x7d, 6, 1, 3, 0x7b, 0x7b, 0x7b);
    expect(() => applyStampedAwarenessUpdate(awareness, second, nurse, null)).toThrow();
    expect(() => applyStampedAwarenessUpdate(awareness, Uint8Array.of(0, 9), nurse, null)).toThrow(
      /trailing bytes/,
    );
    expect(awareness.getStates().size).toBe(0);
    expect(events).toEqual([]);
  });
});

/** The update re-encoded with every state stamped, for y-protocols to apply as it is. */
function stampedCopy(update: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    const state = JSON.parse(decoding.readVarString(decoder)) as object | null;
    encoding.writeVarString(encoder, JSON.stringify(state && { ...state, user: stampedNurse }));
  }
  return encoding.toUint8Array(encoder);
}

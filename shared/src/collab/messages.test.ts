import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  MessageType,
  isSyncStep2,
  parseClientMessage,
  syncStep1Message,
  withinSizeLimit,
} from './messages.js';

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

describe('parseClientMessage', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');

  it('reads the three sync steps exactly as y-protocols writes them', () => {
    const step1 = frame((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep1(e, doc);
    });
    const r1 = parseClientMessage(step1);
    expect(r1.ok && r1.message.type).toBe('sync-step1');

    const step2 = frame((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep2(e, doc);
    });
    const r2 = parseClientMessage(step2);
    expect(r2.ok && r2.message.type).toBe('sync-step2');

    const update = Y.encodeStateAsUpdate(doc);
    const r3 = parseClientMessage(
      frame((e) => {
        encoding.writeVarUint(e, MessageType.Sync);
        syncProtocol.writeUpdate(e, update);
      }),
    );
    expect(r3).toEqual({ ok: true, message: { type: 'sync-update', update } });
  });

  it('reads awareness and awareness queries', () => {
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Dr A' } });
    const body = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    const r = parseClientMessage(
      frame((e) => {
        encoding.writeVarUint(e, MessageType.Awareness);
        encoding.writeVarUint8Array(e, body);
      }),
    );
    expect(r).toEqual({ ok: true, message: { type: 'awareness', update: body } });
    expect(parseClientMessage(Uint8Array.of(MessageType.QueryAwareness))).toEqual({
      ok: true,
      message: { type: 'query-awareness' },
    });
  });

  it('rejects empty, unknown, truncated and padded messages with a reason', () => {
    expect(parseClientMessage(new Uint8Array())).toEqual({ ok: false, reason: 'empty message' });
    expect(parseClientMessage(Uint8Array.of(9))).toEqual({
      ok: false,
      reason: 'unknown message type 9',
    });
    expect(parseClientMessage(Uint8Array.of(0, 7, 0))).toEqual({
      ok: false,
      reason: 'unknown sync step 7',
    });
    expect(parseClientMessage(Uint8Array.of(0, 2, 10, 1, 2))).toEqual({
      ok: false,
      reason: 'truncated message',
    });
    expect(parseClientMessage(Uint8Array.of(0, 0, 1, 0, 99))).toEqual({
      ok: false,
      reason: 'trailing bytes',
    });
    expect(parseClientMessage(new TextEncoder().encode('{"hello":1}')).ok).toBe(false);
  });

  it('compares sizes against the limit inclusively', () => {
    expect(withinSizeLimit(1024, 1024)).toBe(true);
    expect(withinSizeLimit(1025, 1024)).toBe(false);
  });
});

describe('syncStep1Message and isSyncStep2', () => {
  it('write a step 1 as y-protocols does, and know its answer from a broadcast update', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const ours = syncStep1Message(Y.encodeStateVector(doc));
    const theirs = frame((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(ours).toEqual(theirs);

    const answer = frame((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep2(e, doc);
    });
    const broadcast = frame((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    });
    expect(isSyncStep2(answer)).toBe(true);
    expect(isSyncStep2(broadcast)).toBe(false);
    expect(isSyncStep2(theirs)).toBe(false);
  });
});

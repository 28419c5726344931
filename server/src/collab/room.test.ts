import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType } from '@careweave/shared';
import { MemoryStore } from './store.js';
import { TestPeer, delivered, loadTestRoom } from './test-peer.js';

const DOC = 'plan:00000000-0000-4000-8000-000000000001:shared';

async function loadedFrom(store: MemoryStore): Promise<Y.Doc> {
  const room = await loadTestRoom(DOC, store);
  return room.doc;
}

/** A sync-update message as a client frames it. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('Room', () => {
  it('syncs two peers and logs each update under its author', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store);
    const gp = new TestPeer('gp', 'write', room).join();
    const nurse = new TestPeer('nurse', 'write', room).join();

    gp.doc.getText('t').insert(0, 'Walk ');
    nurse.doc.getText('t').insert(0, 'daily ');
    await room.flush();
    await delivered();

    expect(gp.doc.getText('t').toString()).toBe(nurse.doc.getText('t').toString());
    expect(gp.doc.getText('t').toString()).toContain('Walk');
    expect(gp.doc.getText('t').toString()).toContain('daily');
    expect(store.log.map((e) => e.authorId).sort()).toEqual(['gp', 'nurse']);
  });

  it('logs every update it accepts as its own row, under its author', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store, { batchMs: 50 });
    const gp = new TestPeer('gp', 'write', room).join();
    for (const ch of 'hello') gp.doc.getText('t').insert(gp.doc.getText('t').length, ch);
    await room.flush();
    expect(store.log.map((e) => e.authorId)).toEqual(['gp', 'gp', 'gp', 'gp', 'gp']);
    expect((await loadedFrom(store)).getText('t').toString()).toBe('hello');
  });

  it('neither logs nor passes on an update it already has', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store);
    const gp = new TestPeer('gp', 'write', room).join();
    const nurse = new TestPeer('nurse', 'write', room).join();
    const social = new TestPeer('social', 'write', room).join();
    gp.doc.getText('t').insert(0, 'walk');
    await room.flush();
    await delivered();
    const received = vi.spyOn(social, 'send');
    nurse.sendRaw(updateMessage(Y.encodeStateAsUpdate(gp.doc)));
    await room.flush();
    await delivered();
    expect(store.log).toHaveLength(1);
    expect(received).not.toHaveBeenCalled();
    expect(nurse.closed).toBeNull();
  });

  it('passes on an update that arrives before the one it builds on, so both reach everyone', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store);
    const gp = new TestPeer('gp', 'write', room).join();
    const social = new TestPeer('social', 'write', room).join();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    source.getText('t').insert(0, 'walk');
    source.getText('t').insert(4, ' daily');
    gp.sendRaw(updateMessage(updates[1]!));
    await delivered();
    expect(room.doc.getText('t').toString()).toBe('');
    gp.sendRaw(updateMessage(updates[0]!));
    await room.flush();
    await delivered();
    expect(room.doc.getText('t').toString()).toBe('walk daily');
    expect(social.doc.getText('t').toString()).toBe('walk daily');
    expect(store.log).toHaveLength(2);
    expect((await loadedFrom(store)).getText('t').toString()).toBe('walk daily');
  });

  it('sends a late joiner the whole document', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store);
    const gp = new TestPeer('gp', 'write', room).join();
    gp.doc.getText('t').insert(0, 'what matters to me');
    const late = new TestPeer('nurse', 'write', room).join();
    expect(late.doc.getText('t').toString()).toBe('what matters to me');
  });

  it('drops updates from a read-only connection', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store);
    const writer = new TestPeer('gp', 'write', room).join();
    const reader = new TestPeer('social', 'read', room).join();
    reader.doc.getText('t').insert(0, 'not allowed');
    await room.flush();
    expect(writer.doc.getText('t').toString()).toBe('');
    expect(room.doc.getText('t').toString()).toBe('');
    expect(store.log).toHaveLength(0);
    expect(room.droppedUpdates).toBeGreaterThan(0);
  });

  it('closes only the connection that sent a malformed message', async () => {
    const room = await loadTestRoom(DOC, new MemoryStore());
    const good = new TestPeer('gp', 'write', room).join();
    const bad = new TestPeer('nurse', 'write', room).join();
    const other = new TestPeer('social', 'write', room).join();
    bad.sendRaw(Uint8Array.of(0, 2, 3, 255, 255, 255));
    expect(bad.closed?.code).toBe(CloseCode.Malformed);
    good.doc.getText('t').insert(0, 'still live');
    await delivered();
    expect(other.doc.getText('t').toString()).toBe('still live');
    expect(good.closed).toBeNull();
  });

  it('rejects a well-framed update whose payload is not a Yjs update', async () => {
    const room = await loadTestRoom(DOC, new MemoryStore());
    const peer = new TestPeer('gp', 'write', room).join();
    peer.sendRaw(Uint8Array.of(0, 2, 4, 200, 200, 200, 200));
    expect(peer.closed?.code).toBe(CloseCode.Malformed);
  });

  it('shares presence and removes it when a connection leaves', async () => {
    const room = await loadTestRoom(DOC, new MemoryStore());
    const gp = new TestPeer('gp', 'write', room).join();
    const nurse = new TestPeer('nurse', 'write', room).join();
    nurse.setPresence({ user: { name: 'Sam Whitfield' }, cursor: null });
    await delivered();
    expect(gp.awareness.getStates().get(nurse.doc.clientID)).toEqual({
      user: { ...nurse.presence, color: nurse.presence.colour },
      cursor: null,
    });
    nurse.close(1000, 'bye');
    await delivered();
    expect(gp.awareness.getStates().has(nurse.doc.clientID)).toBe(false);
  });

  it('stamps presence with the signed-in identity, not the one a client claims', async () => {
    const room = await loadTestRoom(DOC, new MemoryStore());
    const gp = new TestPeer('gp', 'write', room).join();
    const nurse = new TestPeer('nurse', 'write', room).join();
    nurse.setPresence({ user: { id: 'gp', name: 'Dr Amara Okafor' } });
    await delivered();
    const seen = gp.awareness.getStates().get(nurse.doc.clientID) as { user: { id: string } };
    expect(seen.user.id).toBe('nurse');
  });

  it('loads snapshot plus later updates, and compacts when the log grows', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store, { compactEvery: 3 });
    const gp = new TestPeer('gp', 'write', room).join();
    for (const word of ['one ', 'two ', 'three ', 'four ']) {
      gp.doc.getText('t').insert(gp.doc.getText('t').length, word);
      await room.flush();
    }
    const snapshot = store.snapshots.get(DOC);
    expect(snapshot?.throughSeq).toBe(3);
    expect(store.log).toHaveLength(4);
    expect((await loadedFrom(store)).getText('t').toString()).toBe('one two three four ');
  });

  it('writes everything and a snapshot when it closes', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store, { batchMs: 10_000 });
    const gp = new TestPeer('gp', 'write', room).join();
    gp.doc.getText('t').insert(0, 'unsaved for now');
    expect(store.log).toHaveLength(0);
    await room.close();
    expect(gp.closed?.code).toBe(CloseCode.GoingAway);
    expect(store.log).toHaveLength(1);
    expect(store.snapshots.get(DOC)?.throughSeq).toBe(1);
    expect(room.join(new TestPeer('x', 'write', room))).toBe(false);
  });

  it('keeps updates when the store fails, and writes them on the next flush', async () => {
    const store = new MemoryStore();
    const append = store.append.bind(store);
    let failures = 1;
    store.append = async (batches) => {
      if (failures-- > 0) throw new Error('database unavailable');
      return append(batches);
    };
    const room = await loadTestRoom(DOC, store, { batchMs: 10_000 });
    const gp = new TestPeer('gp', 'write', room).join();
    gp.doc.getText('t').insert(0, 'precious');
    await expect(room.flush()).rejects.toThrow('database unavailable');
    await room.flush();
    expect((await loadedFrom(store)).getText('t').toString()).toBe('precious');
    await room.close();
  });
});

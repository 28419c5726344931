import { describe, expect, it } from 'vitest';
import { decodePeerMessage } from '@careweave/shared';
import type { Room } from './room.js';
import { MemoryStore } from './store.js';
import { MemoryBus, TestPeer, delivered, loadTestRoom } from './test-peer.js';

const DOC = 'plan:00000000-0000-4000-8000-000000000001:shared';

/** The same document open in two processes on one store and one bus. */
async function twoProcesses(store = new MemoryStore(), bus = new MemoryBus()) {
  const a = await loadTestRoom(DOC, store, { peers: bus.join('process-a') });
  const b = await loadTestRoom(DOC, store, { peers: bus.join('process-b') });
  return { store, bus, a, b };
}

function text(room: Room | TestPeer): string {
  return room.doc.getText('t').toString();
}

describe('Room across processes', () => {
  it('delivers edits both ways and logs each one once, by the process that took it', async () => {
    const { store, a, b } = await twoProcesses();
    const gp = new TestPeer('gp', 'write', a).join();
    const nurse = new TestPeer('nurse', 'write', b).join();

    gp.doc.getText('t').insert(0, 'Walk to the park. ');
    nurse.doc.getText('t').insert(0, 'Review inhalers. ');
    await Promise.all([a.flush(), b.flush()]);
    await delivered();

    expect(text(gp)).toBe(text(nurse));
    expect(text(gp)).toContain('Walk to the park.');
    expect(text(gp)).toContain('Review inhalers.');
    expect(store.log.map((e) => e.authorId).sort()).toEqual(['gp', 'nurse']);
  });

  it('sends an update to the other process only once it is in the log', async () => {
    const { bus, a } = await twoProcesses();
    const gp = new TestPeer('gp', 'write', a).join();
    const published = () =>
      bus.published.map((p) => decodePeerMessage(p.data)).filter((m) => m?.kind === 'update');

    gp.doc.getText('t').insert(0, 'not yet stored');
    expect(published()).toHaveLength(0);
    await a.flush();
    expect(published()).toEqual([expect.objectContaining({ from: 'process-a', authorId: 'gp' })]);
  });

  it('shows presence across processes and removes it when its connection leaves', async () => {
    const { a, b } = await twoProcesses();
    const gp = new TestPeer('gp', 'write', a).join();
    const nurse = new TestPeer('nurse', 'write', b).join();
    gp.setPresence({ cursor: 3 });
    await delivered();
    const seen = nurse.awareness.getStates().get(gp.doc.clientID) as { user: { id: string } };
    expect(seen.user.id).toBe('gp');

    gp.close(1000, 'bye');
    await delivered();
    expect(nurse.awareness.getStates().has(gp.doc.clientID)).toBe(false);
  });

  it('gives a process that opens the document what another holds but has not logged', async () => {
    const store = new MemoryStore();
    const bus = new MemoryBus();
    const a = await loadTestRoom(DOC, store, { peers: bus.join('process-a'), batchMs: 10_000 });
    const gp = new TestPeer('gp', 'write', a).join();
    gp.doc.getText('t').insert(0, 'typed a moment ago');

    const b = await loadTestRoom(DOC, store, { peers: bus.join('process-b') });
    await delivered();
    expect(text(b)).toBe('typed a moment ago');
    expect(store.log).toHaveLength(0);

    await Promise.all([a.close(), b.close()]);
    expect(store.log).toHaveLength(1);
  });

  it("brings its projection up to date with another process's edits", async () => {
    const store = new MemoryStore();
    const bus = new MemoryBus();
    const projected: string[] = [];
    const a = await loadTestRoom(DOC, store, { peers: bus.join('process-a') });
    const b = await loadTestRoom(DOC, store, {
      peers: bus.join('process-b'),
      projectMs: 1,
      project: async (doc) => void projected.push(doc.getText('t').toString()),
    });
    new TestPeer('gp', 'write', a).join().doc.getText('t').insert(0, 'typed on A');
    await a.flush();
    await delivered();
    expect(projected.at(-1)).toBe('typed on A');
    await Promise.all([a.close(), b.close()]);
  });

  it('ignores malformed peer messages and carries on', async () => {
    const store = new MemoryStore();
    const bus = new MemoryBus();
    const logs: string[] = [];
    const a = await loadTestRoom(DOC, store, {
      peers: bus.join('process-a'),
      log: (m) => logs.push(m),
    });
    const b = await loadTestRoom(DOC, store, { peers: bus.join('process-b') });
    const stranger = bus.join('stranger');
    // An update message whose Yjs payload is garbage, and a kind nobody knows.
    stranger.publish(DOC, Uint8Array.of(0, 1, 120, 0, 3, 255, 255, 255));
    stranger.publish(DOC, Uint8Array.of(42));
    await delivered();
    expect(logs.filter((m) => m.includes('undecodable peer message'))).toHaveLength(1);

    new TestPeer('gp', 'write', b).join().doc.getText('t').insert(0, 'still fine');
    await b.flush();
    await delivered();
    expect(text(a)).toBe('still fine');
  });
});

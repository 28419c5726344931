import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Connection } from './connection.js';
import { Rooms } from './rooms.js';
import { MemoryStore, type Projector } from './store.js';
import { TestPeer, loadTestRoom } from './test-peer.js';

const DOC = 'plan:00000000-0000-4000-8000-000000000003:shared';
/** A connection that ignores what it is sent. */
function quiet(userId: string): Connection {
  return {
    userId,
    access: 'write',
    presence: { id: userId, name: userId, role: 'gp', colour: '#005eb8' },
    send: () => {},
    sendAll: () => {},
    close: () => {},
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A projector that records the text it saw each time it ran. */
function recorder() {
  const seen: string[] = [];
  const project: Projector = async (doc: Y.Doc) => {
    seen.push(doc.getText('t').toString());
  };
  return { seen, project };
}

describe('Room projections', () => {
  it('projects once the room has stored an edit, and not before', async () => {
    const { seen, project } = recorder();
    const room = await loadTestRoom(DOC, new MemoryStore(), { project, projectMs: 50 });
    const gp = new TestPeer('gp', 'write', room).join();
    await sleep(20);
    expect(seen).toEqual([]);
    gp.doc.getText('t').insert(0, 'goal');
    await room.flush();
    await sleep(10);
    expect(seen).toEqual(['goal']);
    await room.close();
  });

  it('projects at most once per interval while edits flow, then catches up', async () => {
    const { seen, project } = recorder();
    const room = await loadTestRoom(DOC, new MemoryStore(), { project, projectMs: 80 });
    const gp = new TestPeer('gp', 'write', room).join();
    for (const ch of 'walking') {
      gp.doc.getText('t').insert(gp.doc.getText('t').length, ch);
      await room.flush();
      await sleep(8);
    }
    await sleep(120);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(3);
    expect(seen.at(-1)).toBe('walking');
    await room.close();
  });

  it('always projects when it closes, with everything it holds', async () => {
    const { seen, project } = recorder();
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store, { batchMs: 10_000, project });
    const gp = new TestPeer('gp', 'write', room).join();
    gp.doc.getText('t').insert(0, 'last words');
    expect(seen).toEqual([]);
    await room.close();
    expect(seen).toEqual(['last words']);
    expect(store.log).toHaveLength(1);
  });

  it('logs a failed projection and carries on editing and storing', async () => {
    const logs: string[] = [];
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store, {
      log: (m) => logs.push(m),
      projectMs: 1,
      project: async () => {
        throw new Error('projection table missing');
      },
    });
    const gp = new TestPeer('gp', 'write', room).join();
    const nurse = new TestPeer('nurse', 'write', room).join();
    gp.doc.getText('t').insert(0, 'still fine');
    await room.flush();
    await sleep(10);
    expect(logs.some((m) => m.includes('could not update its projection'))).toBe(true);
    expect(nurse.doc.getText('t').toString()).toBe('still fine');
    await expect(room.close()).resolves.toBeUndefined();
    expect(store.log).toHaveLength(1);
  });

  it('gives each document the projector Rooms finds for its name', async () => {
    const projected: string[] = [];
    const rooms = new Rooms(new MemoryStore(), {
      idleMs: 1000,
      projectorFor: (name) =>
        name.endsWith(':shared') ? async () => void projected.push(name) : null,
    });
    const clinical = DOC.replace(':shared', ':clinical');
    for (const name of [DOC, clinical]) {
      const room = await rooms.join(name, quiet('gp'));
      room.doc.getText('t').insert(0, 'written by the server');
    }
    await rooms.closeAll();
    expect(projected).toEqual([DOC]);
  });
});

describe('Room with read-only connections', () => {
  it('names a read-only connection in the log once when it sends changes', async () => {
    const logs: string[] = [];
    const room = await loadTestRoom(DOC, new MemoryStore(), { log: (m) => logs.push(m) });
    const reader = new TestPeer('social', 'read', room).join();
    expect(logs).toEqual([]);
    reader.doc.getText('t').insert(0, 'one');
    reader.doc.getText('t').insert(0, 'two');
    expect(room.droppedUpdates).toBeGreaterThanOrEqual(2);
    expect(logs).toEqual([`dropped updates from read-only connection social on ${DOC}`]);
  });
});

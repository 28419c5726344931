import { describe, expect, it } from 'vitest';
import type { Connection } from './connection.js';
import { Rooms } from './rooms.js';
import { MemoryStore } from './store.js';
import { TestPeer } from './test-peer.js';

const DOC = 'plan:00000000-0000-4000-8000-000000000002:shared';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

describe('Rooms', () => {
  it('loads a document once however many open it at the same time', async () => {
    const store = new MemoryStore();
    let loads = 0;
    const load = store.load.bind(store);
    store.load = async (name) => {
      loads++;
      await sleep(10);
      return load(name);
    };
    const rooms = new Rooms(store, { idleMs: 1000 });
    const joined = await Promise.all([1, 2, 3].map((i) => rooms.join(DOC, quiet(`u${i}`))));
    expect(loads).toBe(1);
    expect(new Set(joined).size).toBe(1);
    await rooms.closeAll();
  });

  it('unloads an idle room and reloads it intact', async () => {
    const store = new MemoryStore();
    const logs: string[] = [];
    const rooms = new Rooms(store, { idleMs: 20, log: (m) => logs.push(m) });
    const silent = quiet('gp');
    const first = await rooms.join(DOC, silent);
    first.leave(silent);
    const peer = new TestPeer('gp', 'write', first).join();
    peer.doc.getText('t').insert(0, 'kept');
    peer.close(1000, 'done');
    await sleep(5);
    expect(rooms.size).toBe(1);
    await sleep(60);
    expect(logs).toContain(`room unloaded ${DOC}`);
    expect(rooms.size).toBe(0);
    const again = await rooms.join(DOC, quiet('nurse'));
    expect(again).not.toBe(first);
    expect(again.doc.getText('t').toString()).toBe('kept');
    await rooms.closeAll();
  });

  it('keeps a room that someone joins before its idle time is up', async () => {
    const rooms = new Rooms(new MemoryStore(), { idleMs: 30 });
    const a = quiet('gp');
    const room = await rooms.join(DOC, a);
    room.leave(a);
    await sleep(10);
    const b = quiet('nurse');
    expect(await rooms.join(DOC, b)).toBe(room);
    await sleep(60);
    expect(rooms.size).toBe(1);
    expect(room.closed).toBe(false);
    await rooms.closeAll();
  });
});

import { describe, expect, it } from 'vitest';
import { Rooms } from './rooms.js';
import { MemoryStore } from './store.js';
import { TestPeer } from './test-peer.js';

const DOC = 'plan:00000000-0000-4000-8000-000000000002:shared';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    const peers: TestPeer[] = [];
    const joined = await Promise.all(
      [1, 2, 3].map((i) =>
        rooms.join(DOC, {
          userId: `u${i}`,
          access: 'write',
          send: (m) => peers[i - 1]?.send(m),
          close: () => {},
        }),
      ),
    );
    expect(loads).toBe(1);
    expect(new Set(joined).size).toBe(1);
    await rooms.closeAll();
  });

  it('unloads an idle room and reloads it intact', async () => {
    const store = new MemoryStore();
    const logs: string[] = [];
    const rooms = new Rooms(store, { idleMs: 20, log: (m) => logs.push(m) });
    const silent = { userId: 'gp', access: 'write' as const, send() {}, close() {} };
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
    const again = await rooms.join(DOC, { ...silent, userId: 'nurse' });
    expect(again).not.toBe(first);
    expect(again.doc.getText('t').toString()).toBe('kept');
    await rooms.closeAll();
  });

  it('keeps a room that someone joins before its idle time is up', async () => {
    const rooms = new Rooms(new MemoryStore(), { idleMs: 30 });
    const a = { userId: 'gp', access: 'write' as const, send() {}, close() {} };
    const room = await rooms.join(DOC, a);
    room.leave(a);
    await sleep(10);
    const b = { ...a, userId: 'nurse' };
    expect(await rooms.join(DOC, b)).toBe(room);
    await sleep(60);
    expect(rooms.size).toBe(1);
    expect(room.closed).toBe(false);
    await rooms.closeAll();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Rooms } from './rooms.js';
import { MemoryStore } from './store.js';
import { TestPeer, delivered, loadTestRoom } from './test-peer.js';

const DOC = 'meeting:00000000-0000-4000-8000-000000000003';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('server changes', () => {
  it('reaches every connection and is logged under the user it acts for', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store);
    const nurse = new TestPeer('nurse', 'write', room).join();
    const social = new TestPeer('social', 'read', room).join();

    room.change('chair', (doc) => doc.getMap('state').set('currentCaseId', 'case-2'));
    await room.flush();
    await delivered();

    expect(nurse.doc.getMap('state').get('currentCaseId')).toBe('case-2');
    expect(social.doc.getMap('state').get('currentCaseId')).toBe('case-2');
    expect(store.log.map((e) => e.authorId)).toEqual(['chair']);
  });

  it('keeps client edits attributed to their connection alongside server changes', async () => {
    const store = new MemoryStore();
    const room = await loadTestRoom(DOC, store);
    const nurse = new TestPeer('nurse', 'write', room).join();
    nurse.doc.getText('t').insert(0, 'notes');
    room.change('chair', (doc) => doc.getMap('state').set('status', 'live'));
    await room.flush();
    expect(store.log.map((e) => e.authorId)).toEqual(['nurse', 'chair']);
  });

  it('refuses a change once the room is closing', async () => {
    const room = await loadTestRoom(DOC, new MemoryStore());
    await room.close();
    expect(() => room.change('chair', () => {})).toThrow(/closing/);
  });

  it('loads a room nobody has open, stores the change, and unloads it when idle', async () => {
    const store = new MemoryStore();
    const rooms = new Rooms(store, { idleMs: 20, batchMs: 1 });
    await rooms.change(DOC, 'chair', (doc) => doc.getMap('state').set('status', 'live'));
    expect(store.log.map((e) => e.authorId)).toEqual(['chair']);
    expect(rooms.size).toBe(1);
    await sleep(60);
    expect(rooms.size).toBe(0);

    const state = new Y.Doc();
    Y.applyUpdate(state, await rooms.state(DOC));
    expect(state.getMap('state').get('status')).toBe('live');
  });

  it('reads the state of a loaded room, including edits not yet logged', async () => {
    const store = new MemoryStore();
    const rooms = new Rooms(store, { idleMs: 1000, batchMs: 10_000 });
    const room = await rooms.join(DOC, {
      userId: 'nurse',
      access: 'write',
      presence: { id: 'nurse', name: 'nurse', role: 'nurse', colour: '#005eb8' },
      send: () => {},
      sendAll: () => {},
      close: () => {},
    });
    room.change('chair', (doc) => doc.getText('t').insert(0, 'unsaved'));
    expect(store.log).toHaveLength(0);
    const state = new Y.Doc();
    Y.applyUpdate(state, await rooms.state(DOC));
    expect(state.getText('t').toString()).toBe('unsaved');
    await rooms.closeAll();
  });
});

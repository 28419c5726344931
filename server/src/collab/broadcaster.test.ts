import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Broadcaster } from './broadcaster.js';
import type { Connection } from './connection.js';

/** A connection that records each write: one message, or several sent together. */
function connection(name: string): Connection & { frames: Uint8Array[]; writes: number } {
  const frames: Uint8Array[] = [];
  const presence = { id: name, name, role: 'nurse' as const, colour: '#000' };
  return {
    userId: name,
    access: 'write',
    presence,
    frames,
    writes: 0,
    send(frame) {
      frames.push(frame);
      this.writes++;
    },
    sendAll(messages) {
      frames.push(...messages);
      this.writes++;
    },
    close: () => {},
  };
}

function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function setUp(presenceWindowMs = 30) {
  const people = [connection('gp'), connection('nurse'), connection('social')];
  const presenceFrames: number[][] = [];
  const broadcaster = new Broadcaster({
    connections: () => people,
    presenceFrame: (ids) => {
      presenceFrames.push(ids);
      return Uint8Array.of(...ids);
    },
    presenceWindowMs: () => presenceWindowMs,
  });
  return { people, broadcaster, presenceFrames };
}

describe('Broadcaster', () => {
  it('sends one update to everyone but its sender', async () => {
    const { people, broadcaster } = setUp();
    const [gp, nurse, social] = people;
    broadcaster.update(edit('walk'), gp);
    await nextTurn();
    expect(people.map((p) => p.frames.length)).toEqual([0, 1, 1]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, nurse!.frames[0]!);
    expect(doc.getText('t').toString()).toBe('walk');
    expect(social!.frames[0]).toBe(nurse!.frames[0]);
  });

  it("gives each connection the others' updates of one turn in one write, without its own", async () => {
    const { people, broadcaster } = setUp();
    const [gp, nurse, social] = people;
    const walk = edit('walk');
    const swim = edit('swim');
    broadcaster.update(walk, gp);
    broadcaster.update(swim, nurse);
    await nextTurn();
    expect(people.map((p) => p.writes)).toEqual([1, 1, 1]);
    expect(gp!.frames).toEqual([swim]);
    expect(nurse!.frames).toEqual([walk]);
    expect(social!.frames).toEqual([walk, swim]);
  });

  it('sends a connection nothing when every update of the turn is its own', async () => {
    const { people, broadcaster } = setUp();
    const [gp, nurse] = people;
    const walk = edit('walk');
    const swim = edit('swim');
    broadcaster.update(walk, gp);
    broadcaster.update(swim, gp);
    await nextTurn();
    expect(people.map((p) => p.writes)).toEqual([0, 1, 1]);
    expect(nurse!.frames).toEqual([walk, swim]);
  });

  it('gathers presence changes within the window into one frame', async () => {
    const { people, broadcaster, presenceFrames } = setUp(30);
    broadcaster.presence([1], people[0]);
    broadcaster.presence([2], people[1]);
    broadcaster.presence([1], people[0]);
    await nextTurn();
    expect(presenceFrames).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(presenceFrames).toEqual([[1, 2]]);
    expect(people.map((p) => p.frames.length)).toEqual([1, 1, 1]);
  });

  it('sends presence that waits along with the updates of a turn, in the same write', async () => {
    const { people, broadcaster, presenceFrames } = setUp(30);
    const [gp, nurse, social] = people;
    const walk = edit('walk');
    broadcaster.presence([2], nurse);
    broadcaster.update(walk, gp);
    await nextTurn();
    expect(presenceFrames).toEqual([[2]]);
    expect(people.map((p) => p.writes)).toEqual([1, 1, 1]);
    expect(gp!.frames).toEqual([Uint8Array.of(2)]);
    expect(nurse!.frames).toEqual([walk]);
    expect(social!.frames).toEqual([walk, Uint8Array.of(2)]);
    // The window's own send has nothing left to do.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(presenceFrames).toEqual([[2]]);
    expect(people.map((p) => p.writes)).toEqual([1, 1, 1]);
  });

  it('sends what waits at once when flushed', () => {
    const { people, broadcaster, presenceFrames } = setUp(10_000);
    broadcaster.update(edit('walk'), people[0]);
    broadcaster.presence([7], null);
    broadcaster.flush();
    expect(presenceFrames).toEqual([[7]]);
    expect(people.map((p) => p.frames.length)).toEqual([1, 2, 2]);
  });

  it('sends what waits when stopped, and nothing after', async () => {
    const { people, broadcaster, presenceFrames } = setUp(10);
    broadcaster.presence([7], null);
    broadcaster.stop();
    broadcaster.presence([8], null);
    broadcaster.update(edit('late'), people[0]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(presenceFrames).toEqual([[7]]);
    expect(people.map((p) => p.frames.length)).toEqual([1, 1, 1]);
  });
});

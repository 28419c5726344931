import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Access } from '@careweave/shared';
import { SessionWatch, type Admitted } from './session-watch.js';

const watches: SessionWatch[] = [];
afterEach(() => watches.splice(0).forEach((w) => w.stop()));

function setUp(
  valid: Set<string>,
  options: {
    stillValid?: (tokens: string[]) => Promise<Set<string>>;
    /** Access now by `${userId} ${documentName}`; write when not named. */
    access?: Map<string, Access>;
  } = {},
) {
  const calls: string[][] = [];
  const accessAsked: string[][] = [];
  const log = vi.fn();
  const watch = new SessionWatch({
    stillValid:
      options.stillValid ??
      ((tokens) => {
        calls.push(tokens);
        return Promise.resolve(new Set(tokens.filter((t) => valid.has(t))));
      }),
    accessNow: (sockets) => {
      const keys = sockets.map((s) => `${s.userId} ${s.documentName}`);
      accessAsked.push(keys);
      return Promise.resolve(keys.map((key) => options.access?.get(key) ?? 'write'));
    },
    intervalMs: 60_000,
    log,
  });
  watches.push(watch);
  return { watch, calls, accessAsked, log };
}

/** A socket of `token`'s user on the shared plan document, with write access unless given. */
function socket(token: string, access: Admitted['access'] = 'write', document = 'plan:1:shared') {
  return { token, userId: `user-${token}`, documentName: document, access, partOnly: false };
}

describe('SessionWatch', () => {
  it('checks every watched session in one call a round, each token once', async () => {
    const { watch, calls } = setUp(new Set(['gp', 'nurse']));
    const lapsed = vi.fn();
    for (let i = 0; i < 100; i++) watch.watch(socket(i % 2 ? 'gp' : 'nurse'), lapsed);
    await watch.check();
    expect(calls).toEqual([['nurse', 'gp']]);
    expect(lapsed).not.toHaveBeenCalled();
  });

  it('ends every socket of a session that no longer holds, and only those', async () => {
    const valid = new Set(['gp', 'nurse']);
    const { watch, calls } = setUp(valid);
    const gpTabs = [vi.fn(), vi.fn()];
    const nurse = vi.fn();
    for (const tab of gpTabs) watch.watch(socket('gp'), tab);
    watch.watch(socket('nurse'), nurse);
    valid.delete('gp');
    await watch.check();
    for (const tab of gpTabs) expect(tab).toHaveBeenCalledExactlyOnceWith('session');
    expect(nurse).not.toHaveBeenCalled();
    // An ended session is not checked again.
    await watch.check();
    expect(calls.at(-1)).toEqual(['nurse']);
    for (const tab of gpTabs) expect(tab).toHaveBeenCalledOnce();
  });

  it('asks each user’s access to each document once, and ends sockets that lost it', async () => {
    const access = new Map<string, Access>();
    const { watch, accessAsked } = setUp(new Set(['partner', 'nurse']), { access });
    const partnerTabs = [vi.fn(), vi.fn()];
    for (const tab of partnerTabs) watch.watch(socket('partner'), tab);
    const partnerElsewhere = vi.fn();
    watch.watch(socket('partner', 'write', 'plan:2:shared'), partnerElsewhere);
    const nurse = vi.fn();
    watch.watch(socket('nurse'), nurse);

    // Consent withdrawn for plan 1: the partner may no longer open it.
    access.set('user-partner plan:1:shared', 'none');
    await watch.check();
    expect(accessAsked).toEqual([
      ['user-partner plan:1:shared', 'user-partner plan:2:shared', 'user-nurse plan:1:shared'],
    ]);
    for (const tab of partnerTabs) expect(tab).toHaveBeenCalledExactlyOnceWith('access');
    expect(partnerElsewhere).not.toHaveBeenCalled();
    expect(nurse).not.toHaveBeenCalled();
    // Ended sockets are not asked about again.
    await watch.check();
    expect(accessAsked.at(-1)).toEqual(['user-partner plan:2:shared', 'user-nurse plan:1:shared']);
    for (const tab of partnerTabs) expect(tab).toHaveBeenCalledOnce();
  });

  it('ends a writer who may now only read, and leaves a reader who may now write', async () => {
    const access = new Map<string, Access>([
      ['user-gp plan:1:shared', 'read'],
      ['user-nurse plan:1:shared', 'write'],
    ]);
    const { watch } = setUp(new Set(['gp', 'nurse']), { access });
    const writer = vi.fn();
    const reader = vi.fn();
    watch.watch(socket('gp', 'write'), writer);
    watch.watch(socket('nurse', 'read'), reader);
    await watch.check();
    expect(writer).toHaveBeenCalledExactlyOnceWith('access');
    expect(reader).not.toHaveBeenCalled();
  });

  it('runs a round asked for during another straight after it', async () => {
    const valid = new Set(['gp']);
    let release = () => {};
    let rounds = 0;
    const { watch } = setUp(valid, {
      stillValid: async (tokens) => {
        rounds++;
        // The first round reads the sessions, then is slow to answer while one ends.
        const read = new Set(tokens.filter((t) => valid.has(t)));
        if (rounds === 1) await new Promise<void>((resolve) => (release = resolve));
        return read;
      },
    });
    const lapsed = vi.fn();
    watch.watch(socket('gp'), lapsed);
    const first = watch.check();
    await vi.waitFor(() => expect(rounds).toBe(1));
    valid.delete('gp');
    await watch.check();
    release();
    await first;
    expect(rounds).toBe(2);
    expect(lapsed).toHaveBeenCalledExactlyOnceWith('session');
  });

  it('forgets a socket that stops watching, and checks nothing when none is left', async () => {
    const { watch, calls } = setUp(new Set());
    const lapsed = vi.fn();
    const stop = watch.watch(socket('gp'), lapsed);
    stop();
    await watch.check();
    expect(lapsed).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('ends nothing when the check fails, and says so', async () => {
    const { watch, log } = setUp(new Set(), {
      stillValid: () => Promise.reject(new Error('database away')),
    });
    const lapsed = vi.fn();
    watch.watch(socket('gp'), lapsed);
    await watch.check();
    expect(lapsed).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('database away'));
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionWatch } from './session-watch.js';

const watches: SessionWatch[] = [];
afterEach(() => watches.splice(0).forEach((w) => w.stop()));

function setUp(valid: Set<string>, check?: (tokens: string[]) => Promise<Set<string>>) {
  const calls: string[][] = [];
  const log = vi.fn();
  const watch = new SessionWatch(
    check ??
      ((tokens) => {
        calls.push(tokens);
        return Promise.resolve(new Set(tokens.filter((t) => valid.has(t))));
      }),
    60_000,
    log,
  );
  watches.push(watch);
  return { watch, calls, log };
}

describe('SessionWatch', () => {
  it('checks every watched session in one call a round, each token once', async () => {
    const { watch, calls } = setUp(new Set(['gp', 'nurse']));
    const ended = vi.fn();
    for (let socket = 0; socket < 100; socket++) watch.watch(socket % 2 ? 'gp' : 'nurse', ended);
    await watch.check();
    expect(calls).toEqual([['nurse', 'gp']]);
    expect(ended).not.toHaveBeenCalled();
  });

  it('ends every socket of a session that no longer holds, and only those', async () => {
    const valid = new Set(['gp', 'nurse']);
    const { watch, calls } = setUp(valid);
    const gpTabs = [vi.fn(), vi.fn()];
    const nurse = vi.fn();
    for (const tab of gpTabs) watch.watch('gp', tab);
    watch.watch('nurse', nurse);
    valid.delete('gp');
    await watch.check();
    for (const tab of gpTabs) expect(tab).toHaveBeenCalledOnce();
    expect(nurse).not.toHaveBeenCalled();
    // An ended session is not checked again.
    await watch.check();
    expect(calls.at(-1)).toEqual(['nurse']);
    for (const tab of gpTabs) expect(tab).toHaveBeenCalledOnce();
  });

  it('forgets a socket that stops watching, and checks nothing when none is left', async () => {
    const { watch, calls } = setUp(new Set());
    const ended = vi.fn();
    const stop = watch.watch('gp', ended);
    stop();
    await watch.check();
    expect(ended).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('ends nothing when the check fails, and says so', async () => {
    const { watch, log } = setUp(new Set(), () => Promise.reject(new Error('database away')));
    const ended = vi.fn();
    watch.watch('gp', ended);
    await watch.check();
    expect(ended).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('database away'));
  });
});

import { describe, expect, it } from 'vitest';
import { combinedPhase, isConnected, pausedReason, withSession } from './connection-phase';

describe('combinedPhase', () => {
  it('is live only when every document is live', () => {
    expect(combinedPhase([{ kind: 'live' }, { kind: 'live' }])).toEqual({ kind: 'live' });
    expect(combinedPhase([{ kind: 'live' }, { kind: 'connecting' }])).toEqual({
      kind: 'connecting',
    });
  });

  it('says saved only when no document is still waiting for the server to confirm a change', () => {
    expect(combinedPhase([{ kind: 'live' }, { kind: 'saving' }])).toEqual({ kind: 'saving' });
    expect(combinedPhase([{ kind: 'saving' }, { kind: 'offline', unsent: 1 }])).toEqual({
      kind: 'offline',
      unsent: 1,
    });
  });

  it('adds up unsent changes across offline documents', () => {
    expect(
      combinedPhase([
        { kind: 'offline', unsent: 2 },
        { kind: 'offline', unsent: 1 },
      ]),
    ).toEqual({ kind: 'offline', unsent: 3 });
  });

  it('lets a final close win over everything else', () => {
    expect(combinedPhase([{ kind: 'offline', unsent: 1 }, { kind: 'session-ended' }])).toEqual({
      kind: 'session-ended',
    });
  });
});

describe('withSession', () => {
  it('names whoever signed in instead, once the server has said', () => {
    expect(withSession({ kind: 'session-ended' }, { kind: 'other', name: 'Pat Jones' })).toEqual({
      kind: 'signed-in-as-other',
      name: 'Pat Jones',
    });
    expect(withSession({ kind: 'session-ended' }, { kind: 'none' })).toEqual({
      kind: 'session-ended',
    });
  });

  it('leaves every other phase alone', () => {
    expect(withSession({ kind: 'live' }, { kind: 'other', name: 'Pat Jones' })).toEqual({
      kind: 'live',
    });
  });
});

describe('pausedReason', () => {
  it('speaks of the session, not of permissions, when it has ended', () => {
    const reason = pausedReason({ kind: 'session-ended' }, 'Priya Shah');
    expect(reason).toMatch(/session has ended/);
    expect(reason).toMatch(/sign in again/);
    expect(reason).not.toMatch(/read only|cannot change/i);
  });

  it('says whose the work is when someone else has signed in', () => {
    expect(pausedReason({ kind: 'signed-in-as-other', name: 'Pat Jones' }, 'Priya Shah')).toBe(
      "Pat Jones is signed in in this browser now, and cannot save work that is Priya Shah's. It is kept here until Priya Shah signs in again.",
    );
  });

  it('is null while changes can be sent, or wait only for the network', () => {
    expect(pausedReason({ kind: 'live' }, 'Priya Shah')).toBeNull();
    expect(pausedReason({ kind: 'offline', unsent: 2 }, 'Priya Shah')).toBeNull();
  });
});

describe('isConnected', () => {
  it('shows you as not connected once the session has ended or the network is cut', () => {
    expect(isConnected({ kind: 'live' })).toBe(true);
    expect(isConnected({ kind: 'session-ended' })).toBe(false);
    expect(isConnected({ kind: 'offline', unsent: 0 })).toBe(false);
  });
});

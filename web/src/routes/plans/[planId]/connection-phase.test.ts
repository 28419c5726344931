import { describe, expect, it } from 'vitest';
import {
  combinedPhase,
  isConnected,
  pausedReason,
  spokenStatus,
  withSession,
  type ConnectionPhase,
} from './connection-phase';

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

describe('spokenStatus', () => {
  const say = (phases: ConnectionPhase[]) => {
    let catchingUp = false;
    return phases.map((phase) => {
      const spoken = spokenStatus(phase, catchingUp);
      catchingUp = spoken.catchingUp;
      return spoken.text;
    });
  };

  it('says only "Live" while typing comes and goes', () => {
    expect(
      say([{ kind: 'connecting' }, { kind: 'live' }, { kind: 'saving' }, { kind: 'live' }]),
    ).toEqual(['Connecting', 'Live', 'Live', 'Live']);
  });

  it('does not call changes kept while not connected saved until the server has them', () => {
    expect(
      say([
        { kind: 'live' },
        { kind: 'offline', unsent: 2 },
        { kind: 'connecting' },
        { kind: 'saving' },
        { kind: 'live' },
        { kind: 'saving' },
      ]),
    ).toEqual([
      'Live',
      'Not connected. Your latest changes are not saved yet: keep this page open',
      'Connecting',
      'Connected again. Sending the changes made while not connected',
      'Live. The changes made while not connected are saved',
      'Live',
    ]);
  });

  it('says nothing is waiting when the connection dropped with everything saved', () => {
    expect(say([{ kind: 'offline', unsent: 0 }, { kind: 'saving' }])).toEqual([
      'Not connected, trying again',
      'Live',
    ]);
  });
});

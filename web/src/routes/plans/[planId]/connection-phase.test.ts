import { describe, expect, it } from 'vitest';
import { combinedPhase } from './connection-phase';

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

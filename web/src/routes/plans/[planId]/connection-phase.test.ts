import { describe, expect, it } from 'vitest';
import { combinedPhase } from './connection-phase';

describe('combinedPhase', () => {
  it('is live only when every document is live', () => {
    expect(combinedPhase([{ kind: 'live' }, { kind: 'live' }])).toEqual({ kind: 'live' });
    expect(combinedPhase([{ kind: 'live' }, { kind: 'connecting' }])).toEqual({
      kind: 'connecting',
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

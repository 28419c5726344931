import { describe, expect, it } from 'vitest';
import { readSessionAnswer } from './session-answer';

const ME = 'user-pharmacist';

describe('readSessionAnswer', () => {
  it('says no one is signed in on a 401', () => {
    expect(readSessionAnswer(401, null, ME)).toEqual({ kind: 'none' });
  });

  it('recognises the same user signed in again', () => {
    expect(readSessionAnswer(200, { id: ME, name: 'Priya Shah' }, ME)).toEqual({ kind: 'ours' });
  });

  it('names a different user, so their session never sends our work', () => {
    expect(readSessionAnswer(200, { id: 'user-partner', name: 'Pat Jones' }, ME)).toEqual({
      kind: 'other',
      name: 'Pat Jones',
    });
    expect(readSessionAnswer(200, { id: 'user-partner' }, ME)).toEqual({
      kind: 'other',
      name: 'Someone else',
    });
  });

  it('says nothing either way on a server error or a body it cannot read', () => {
    expect(readSessionAnswer(503, null, ME)).toBeNull();
    expect(readSessionAnswer(200, null, ME)).toBeNull();
    expect(readSessionAnswer(200, { name: 'No id' }, ME)).toBeNull();
  });
});

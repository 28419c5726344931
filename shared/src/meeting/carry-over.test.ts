import { describe, expect, it } from 'vitest';
import { closeSummary } from './carry-over.js';

describe('carrying cases over', () => {
  const on = '2026-11-30T09:30:00Z';

  it('tells the chair how many cases were added to the next agenda and how many were on it', () => {
    expect(closeSummary({ nextMeetingStartsAt: on, carried: 2, alreadyListed: 1 })).toBe(
      '2 cases carried to the meeting on 30 November 2026; 1 person was already on its agenda.',
    );
    expect(closeSummary({ nextMeetingStartsAt: on, carried: 1, alreadyListed: 0 })).toBe(
      '1 case carried to the meeting on 30 November 2026.',
    );
    expect(closeSummary({ nextMeetingStartsAt: on, carried: 0, alreadyListed: 2 })).toBe(
      '2 people not discussed were already on the agenda of the meeting on 30 November 2026.',
    );
    expect(closeSummary({ nextMeetingStartsAt: on, carried: 0, alreadyListed: 0 })).toBe(
      'No cases were left to carry to another meeting.',
    );
  });
});

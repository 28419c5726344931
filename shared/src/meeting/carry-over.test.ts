import { describe, expect, it } from 'vitest';
import { PREP_NOTES_MAX } from './agenda.js';
import { closeSummary, withCarriedNotes } from './carry-over.js';

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

  it('adds the earlier meeting’s prep notes after the next case’s own, marked as from it', () => {
    expect(withCarriedNotes('Ask about the stairs.', 'Housing letter due.', on)).toBe(
      'Ask about the stairs.\n\nFrom the meeting on 30 November 2026:\nHousing letter due.',
    );
    expect(withCarriedNotes('', ' Housing letter due.\n', on)).toBe(
      'From the meeting on 30 November 2026:\nHousing letter due.',
    );
  });

  it('adds nothing when the earlier notes are empty or already there', () => {
    expect(withCarriedNotes('Ask about the stairs.', '  \n', on)).toBe('Ask about the stairs.');
    const both = 'Ask about the stairs.\n\nHousing letter due.';
    expect(withCarriedNotes(both, 'Housing letter due.', on)).toBe(both);
  });

  it('keeps within the prep-notes limit, cutting the earlier notes short or leaving them out', () => {
    const own = 'o'.repeat(5_000);
    const cut = withCarriedNotes(own, 'e'.repeat(6_000), on);
    expect(cut).toHaveLength(PREP_NOTES_MAX);
    expect(cut.startsWith(`${own}\n\nFrom the meeting on 30 November 2026:\neee`)).toBe(true);
    expect(cut).toMatch(/… \(cut short to fit: the whole is on that meeting’s agenda\)$/);

    const full = 'o'.repeat(PREP_NOTES_MAX - 50);
    expect(withCarriedNotes(full, 'Housing letter due.', on)).toBe(full);
  });
});

import { describe, expect, it } from 'vitest';
import { summariseMeasures, type ScoredMeasure } from './measure-summary.js';

const m = (
  id: string,
  instrument: string,
  score: number | null,
  takenAt: string,
  items: (number | null)[] = [],
): ScoredMeasure => ({ id, instrument, items, score, complete: score !== null, takenAt });
/** A WEMWBS whose seven SWEMWBS items are all `swemwbs` and the others all 5. */
const wemwbsItems = (swemwbs: number) =>
  Array.from({ length: 14 }, (_, i) => ([0, 1, 2, 5, 6, 8, 10].includes(i) ? swemwbs : 5));

describe('summariseMeasures', () => {
  it('has no baseline while every response is incomplete', () => {
    expect(summariseMeasures([m('a', 'SWEMWBS', null, '2026-08-01')], '2026-11-23')).toEqual({
      baseline: null,
      followUpDue: null,
      followUpStatus: 'baseline-missing',
      change: null,
    });
  });

  it('takes the first complete measure as baseline and compares the latest with it', () => {
    const summary = summariseMeasures(
      [
        m('a', 'SWEMWBS', null, '2026-07-01'),
        m('b', 'SWEMWBS', 19.25, '2026-08-01'),
        m('c', 'SWEMWBS', 25.03, '2026-11-01'),
      ],
      '2026-11-23',
    );
    expect(summary.baseline).toEqual({ id: 'b', takenAt: '2026-08-01' });
    expect(summary.followUpDue).toBe('2026-11-01');
    expect(summary.followUpStatus).toBe('done');
    expect(summary.change).toEqual({
      instrument: 'SWEMWBS',
      baselineScore: 19.25,
      latestScore: 25.03,
      change: 5.78,
      meaning: 'meaningful-improvement',
      text: expect.stringContaining('a meaningful improvement'),
      note: null,
    });
  });

  it('shows no change until a second complete measure', () => {
    const summary = summariseMeasures([m('b', 'SWEMWBS', 19.25, '2026-08-01')], '2026-11-23');
    expect(summary.change).toBeNull();
    expect(summary.followUpStatus).toBe('due');
  });

  it('compares a follow-up on the other questionnaire on the SWEMWBS items, either way round', () => {
    // SWEMWBS raw 21 → 19.25; a WEMWBS with 4s on those seven items is raw 28 → 25.03.
    const later = summariseMeasures(
      [
        m('b', 'SWEMWBS', 19.25, '2026-08-01', Array(7).fill(3)),
        m('c', 'WEMWBS', 63, '2026-11-02', wemwbsItems(4)),
      ],
      '2026-11-23',
    );
    expect(later.followUpStatus).toBe('done');
    expect(later.change).toMatchObject({
      instrument: 'SWEMWBS',
      baselineScore: 19.25,
      latestScore: 25.03,
      meaning: 'meaningful-improvement',
      note: 'Compared on SWEMWBS: the WEMWBS of 2 November 2026 is scored on the seven SWEMWBS items it holds.',
    });
    const earlier = summariseMeasures(
      [
        m('b', 'WEMWBS', 56, '2026-08-01', wemwbsItems(4)),
        m('c', 'SWEMWBS', 19.25, '2026-11-02', Array(7).fill(3)),
      ],
      '2026-11-23',
    );
    expect(earlier.change).toMatchObject({
      baselineScore: 25.03,
      latestScore: 19.25,
      meaning: 'meaningful-decline',
    });
    expect(earlier.change?.note).toContain('the WEMWBS of 1 August 2026');
  });

  it('compares two WEMWBS on their totals', () => {
    const summary = summariseMeasures(
      [m('b', 'WEMWBS', 45, '2026-08-01'), m('c', 'WEMWBS', 49, '2026-11-02')],
      '2026-11-23',
    );
    expect(summary.change).toMatchObject({ instrument: 'WEMWBS', change: 4, note: null });
  });
});

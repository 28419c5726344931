import { describe, expect, it } from 'vitest';
import { summariseMeasures, type ScoredMeasure } from './measure-summary.js';

const m = (
  id: string,
  instrument: string,
  score: number | null,
  takenAt: string,
): ScoredMeasure => ({ id, instrument, score, complete: score !== null, takenAt });

describe('summariseMeasures', () => {
  it('has no baseline while every response is incomplete', () => {
    expect(summariseMeasures([m('a', 'SWEMWBS', null, '2026-08-01')], '2026-11-23')).toEqual({
      baseline: null,
      followUpDue: null,
      followUpStatus: 'baseline-missing',
      change: null,
      noChangeReason: null,
    });
  });

  it('takes the first complete measure as baseline and compares the latest of its instrument', () => {
    const summary = summariseMeasures(
      [
        m('a', 'SWEMWBS', null, '2026-07-01'),
        m('b', 'SWEMWBS', 19.25, '2026-08-01'),
        m('c', 'SWEMWBS', 25.03, '2026-11-01'),
        m('d', 'WEMWBS', 50, '2026-11-10'),
      ],
      '2026-11-23',
    );
    expect(summary.baseline).toEqual({ id: 'b', takenAt: '2026-08-01' });
    expect(summary.followUpDue).toBe('2026-11-01');
    expect(summary.followUpStatus).toBe('done');
    expect(summary.change).toMatchObject({
      instrument: 'SWEMWBS',
      baselineScore: 19.25,
      latestScore: 25.03,
      change: 5.78,
      meaning: 'meaningful-improvement',
    });
  });

  it('shows no change until a second measure of the same instrument', () => {
    const summary = summariseMeasures([m('b', 'SWEMWBS', 19.25, '2026-08-01')], '2026-11-23');
    expect(summary.change).toBeNull();
    expect(summary.followUpStatus).toBe('due');
    expect(summary.noChangeReason).toBeNull();
  });

  it('says why a follow-up on the other questionnaire shows no change', () => {
    const summary = summariseMeasures(
      [m('b', 'SWEMWBS', 19.25, '2026-08-01'), m('c', 'WEMWBS', 50, '2026-11-02')],
      '2026-11-23',
    );
    expect(summary.followUpStatus).toBe('done');
    expect(summary.change).toBeNull();
    expect(summary.noChangeReason).toBe(
      'The score of 2 November 2026 is WEMWBS, a different questionnaire from the SWEMWBS ' +
        'baseline, so the two cannot be compared. A SWEMWBS follow-up will show the change.',
    );
  });
});

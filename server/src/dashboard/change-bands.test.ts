import { describe, expect, it } from 'vitest';
import { describeChange, type Instrument } from '@careweave/shared';
import { changeBands } from './change-bands.js';

const changeOf = (instrument: Instrument, from: number, to: number) => ({
  instrument,
  ...describeChange(instrument, from, to),
});

describe('changeBands', () => {
  it('keeps a possible SWEMWBS change out of the band of meaningful ones', () => {
    const bands = changeBands([
      changeOf('SWEMWBS', 9.51, 12.4), // +2.89: possible
      changeOf('SWEMWBS', 19.25, 22.35), // +3.10: meaningful
      changeOf('SWEMWBS', 12.4, 9.51), // −2.89: possible
      changeOf('SWEMWBS', 19.25, 19.98), // +0.73: no change
      changeOf('SWEMWBS', 19.98, 19.25), // −0.73: no change
    ]);
    expect(bands).toEqual([
      { instrument: 'SWEMWBS', band: -2, meaning: 'possible-decline', count: 1 },
      { instrument: 'SWEMWBS', band: 0, meaning: 'no-change', count: 2 },
      { instrument: 'SWEMWBS', band: 2, meaning: 'possible-improvement', count: 1 },
      { instrument: 'SWEMWBS', band: 3, meaning: 'meaningful-improvement', count: 1 },
    ]);
  });

  it('counts WEMWBS points apart from SWEMWBS points', () => {
    const bands = changeBands([
      changeOf('WEMWBS', 40, 42),
      changeOf('SWEMWBS', 19.25, 21.54), // +2.29
      changeOf('WEMWBS', 40, 37),
    ]);
    expect(bands).toEqual([
      { instrument: 'SWEMWBS', band: 2, meaning: 'possible-improvement', count: 1 },
      { instrument: 'WEMWBS', band: -3, meaning: 'meaningful-decline', count: 1 },
      { instrument: 'WEMWBS', band: 2, meaning: 'no-change', count: 1 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { measureItems, measureProblems, scoreMeasure, swemwbsScoreOf } from './instruments.js';

// The published table, written out again here so a slip in either copy shows.
const TABLE: [number, number][] = [
  [7, 7.0],
  [8, 9.51],
  [9, 11.25],
  [10, 12.4],
  [11, 13.33],
  [12, 14.08],
  [13, 14.75],
  [14, 15.32],
  [15, 15.84],
  [16, 16.36],
  [17, 16.88],
  [18, 17.43],
  [19, 17.98],
  [20, 18.59],
  [21, 19.25],
  [22, 19.98],
  [23, 20.73],
  [24, 21.54],
  [25, 22.35],
  [26, 23.21],
  [27, 24.11],
  [28, 25.03],
  [29, 26.02],
  [30, 27.03],
  [31, 28.13],
  [32, 29.31],
  [33, 30.7],
  [34, 32.55],
  [35, 35.0],
];

/** Seven answers summing to `raw`, filled from the left with 5s. */
function answersFor(raw: number, count = 7): number[] {
  const items = Array<number>(count).fill(1);
  let left = raw - count;
  for (let i = 0; i < count && left > 0; i++) {
    const add = Math.min(4, left);
    items[i]! += add;
    left -= add;
  }
  return items;
}

describe('SWEMWBS scoring', () => {
  it.each(TABLE)('converts raw %i to the metric score %f', (raw, metric) => {
    expect(scoreMeasure('SWEMWBS', answersFor(raw))).toEqual({
      raw,
      score: metric,
      complete: true,
      incompleteReason: null,
    });
  });

  it('covers every raw score from 7 to 35', () => {
    expect(TABLE.map(([raw]) => raw)).toEqual(Array.from({ length: 29 }, (_, i) => i + 7));
  });
});

describe('WEMWBS scoring', () => {
  it('scores the lowest response as 14', () => {
    expect(scoreMeasure('WEMWBS', Array(14).fill(1))).toMatchObject({ raw: 14, score: 14 });
  });

  it('scores the highest response as 70', () => {
    expect(scoreMeasure('WEMWBS', Array(14).fill(5))).toMatchObject({ raw: 70, score: 70 });
  });

  it('scores the total of the items', () => {
    expect(scoreMeasure('WEMWBS', answersFor(50, 14))).toMatchObject({ raw: 50, score: 50 });
  });
});

describe('incomplete responses', () => {
  it('keeps a response with a missing item unscored and says which', () => {
    expect(scoreMeasure('SWEMWBS', [3, 3, null, 3, 3, 3, 3])).toEqual({
      raw: null,
      score: null,
      complete: false,
      incompleteReason: 'Item 3 was not answered',
    });
  });

  it('lists every missing item', () => {
    const items = [null, 2, 2, 2, 2, null, 2, 2, 2, 2, 2, 2, 2, null];
    expect(scoreMeasure('WEMWBS', items).incompleteReason).toBe(
      'Item 1, Item 6 and Item 14 were not answered',
    );
  });
});

describe('measureProblems', () => {
  it('accepts a full response with blanks', () => {
    expect(measureProblems('SWEMWBS', [1, 2, 3, 4, 5, null, 1])).toEqual({});
  });

  it('refuses a wrong number of items', () => {
    expect(measureProblems('SWEMWBS', Array(14).fill(3))).toHaveProperty('items');
    expect(measureProblems('WEMWBS', Array(7).fill(3))).toHaveProperty('items');
  });

  it.each([0, 6, 2.5, '3'])('refuses the answer %s', (bad) => {
    expect(measureProblems('SWEMWBS', [3, 3, bad, 3, 3, 3, 3]).items).toBe(
      'Item 3 must be a whole number from 1 to 5, or blank',
    );
  });

  it('refuses an unknown instrument', () => {
    expect(measureProblems('PHQ-9', [])).toHaveProperty('instrument');
  });
});

describe('measureItems', () => {
  it('names SWEMWBS items neutrally, with the WEMWBS item each is', () => {
    const items = measureItems('SWEMWBS');
    expect(items.map((i) => i.label)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Item ${n}`));
    expect(items.map((i) => i.wemwbsItem)).toEqual([1, 2, 3, 6, 7, 9, 11]);
  });

  it('has 14 WEMWBS items', () => {
    expect(measureItems('WEMWBS')).toHaveLength(14);
  });
});

describe('swemwbsScoreOf', () => {
  it('scores a WEMWBS on the seven SWEMWBS items it holds, and a SWEMWBS as itself', () => {
    const wemwbs = Array.from({ length: 14 }, (_, i) =>
      [0, 1, 2, 5, 6, 8, 10].includes(i) ? 3 : 5,
    );
    expect(swemwbsScoreOf('WEMWBS', wemwbs)).toBe(19.25);
    expect(swemwbsScoreOf('SWEMWBS', [3, 3, 3, 3, 3, 3, 3])).toBe(19.25);
    expect(swemwbsScoreOf('SWEMWBS', [3, 3, 3, null, 3, 3, 3])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { describeChange } from './change.js';

describe('describeChange for SWEMWBS', () => {
  it.each([
    [19.98, 23.21, 'meaningful-improvement'],
    [20.0, 23.0, 'meaningful-improvement'],
    [20.0, 22.99, 'possible-improvement'],
    [20.0, 21.0, 'possible-improvement'],
    [20.0, 20.99, 'no-change'],
    [20.0, 19.5, 'no-change'],
    [20.0, 19.0, 'possible-decline'],
    [23.21, 19.98, 'meaningful-decline'],
  ] as const)('reads %f → %f as %s', (from, to, meaning) => {
    expect(describeChange('SWEMWBS', from, to).meaning).toBe(meaning);
  });

  it('does not miss the threshold through floating-point error', () => {
    // 20.73 - 17.73 is 2.9999… in binary floating point.
    expect(describeChange('SWEMWBS', 17.73, 20.73)).toMatchObject({
      change: 3,
      meaning: 'meaningful-improvement',
    });
  });

  it('says what the change means', () => {
    expect(describeChange('SWEMWBS', 19.98, 23.21).text).toBe(
      'Up 3.23 points since baseline: a meaningful improvement (a change of 3 or more)',
    );
  });
});

describe('describeChange for WEMWBS', () => {
  it('reports a change of 3 or more as at least the measurement error, never beyond it', () => {
    const result = describeChange('WEMWBS', 45, 49);
    expect(result).toMatchObject({ change: 4, meaning: 'meaningful-improvement' });
    expect(result.text).toContain('at least the measurement error (about 3 points)');
    // Exactly the error is not past it.
    const three = describeChange('WEMWBS', 49, 46);
    expect(three).toMatchObject({ change: -3, meaning: 'meaningful-decline' });
    expect(three.text).toBe(
      'Down 3 points since baseline: at least the measurement error (about 3 points), a meaningful decline',
    );
  });

  it('never claims a possible change inside the measurement error', () => {
    const result = describeChange('WEMWBS', 45, 47);
    expect(result.meaning).toBe('no-change');
    expect(result.text).toContain('within the measurement error');
  });

  it('reports a fall of 3 or more as a decline', () => {
    expect(describeChange('WEMWBS', 50, 47).meaning).toBe('meaningful-decline');
  });
});

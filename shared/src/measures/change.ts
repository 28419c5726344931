import type { Instrument } from './instruments.js';

/** What a change in score means, in the words DESIGN §3 allows. */
export type ChangeMeaning =
  | 'meaningful-improvement'
  | 'possible-improvement'
  | 'no-change'
  | 'possible-decline'
  | 'meaningful-decline';

export const CHANGE_MEANINGS: readonly ChangeMeaning[] = [
  'meaningful-improvement',
  'possible-improvement',
  'no-change',
  'possible-decline',
  'meaningful-decline',
];

/** A change from baseline, with its meaning and a sentence saying so. */
export interface ChangeDescription {
  change: number;
  meaning: ChangeMeaning;
  text: string;
}

/** SWEMWBS: a metric change of 3 or more is meaningful; 1 to 3 is possible. */
const MEANINGFUL = 3;
const POSSIBLE = 1;
/** WEMWBS: the published measurement error is about 3 points. */
const WEMWBS_ERROR = 3;

function points(n: number): string {
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(2);
  return `${shown} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}

/**
 * The change from baseline to follow-up and what it means. WEMWBS is read against the
 * measurement error only: anything inside it is reported as no change, never as "possible".
 */
export function describeChange(
  instrument: Instrument,
  baselineScore: number,
  followUpScore: number,
): ChangeDescription {
  // Metric scores have two decimals; rounding keeps 2.9999… from missing the threshold.
  const change = Math.round((followUpScore - baselineScore) * 100) / 100 || 0;
  const size = Math.abs(change);
  const direction = change > 0 ? 'improvement' : 'decline';
  const moved =
    change > 0 ? `Up ${points(size)}` : change < 0 ? `Down ${points(size)}` : 'No change';
  if (instrument === 'WEMWBS') {
    if (size >= WEMWBS_ERROR) {
      return {
        change,
        meaning: `meaningful-${direction}`,
        text: `${moved} since baseline: at least the measurement error (about 3 points), a meaningful ${direction}`,
      };
    }
    return {
      change,
      meaning: 'no-change',
      text: `${moved} since baseline: within the measurement error (about 3 points), so no change can be claimed`,
    };
  }
  if (size >= MEANINGFUL) {
    return {
      change,
      meaning: `meaningful-${direction}`,
      text: `${moved} since baseline: a meaningful ${direction} (a change of 3 or more)`,
    };
  }
  if (size >= POSSIBLE) {
    return {
      change,
      meaning: `possible-${direction}`,
      text: `${moved} since baseline: a possible ${direction} (a change of 1 to 3)`,
    };
  }
  return {
    change,
    meaning: 'no-change',
    text: `${moved} since baseline: no meaningful change (less than 1 point)`,
  };
}

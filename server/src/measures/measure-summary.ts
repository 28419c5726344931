import {
  describeChange,
  followUpDue,
  followUpStatus,
  type ChangeMeaning,
  type FollowUpStatus,
  type Instrument,
} from '@careweave/shared';
import { longDate } from '../calendar.js';

/** The facts of a measure that the summary reads, oldest first. */
export interface ScoredMeasure {
  id: string;
  instrument: string;
  score: number | null;
  complete: boolean;
  takenAt: string;
}

/** Where a person's wellbeing measures stand: baseline, follow-up and change. */
export interface MeasureSummary {
  baseline: { id: string; takenAt: string } | null;
  followUpDue: string | null;
  followUpStatus: FollowUpStatus;
  change: {
    instrument: Instrument;
    baselineScore: number;
    latestScore: number;
    change: number;
    meaning: ChangeMeaning;
    text: string;
  } | null;
  /** Why there is no change to show although a later score exists; null otherwise. */
  noChangeReason: string | null;
}

/**
 * Sums up one person's measures (oldest first) on `today`. The baseline is the first complete
 * measure; the change compares the latest complete measure of the same instrument with it,
 * because a WEMWBS total and a SWEMWBS metric score are on different scales.
 */
export function summariseMeasures(measures: ScoredMeasure[], today: string): MeasureSummary {
  const complete = measures.filter((m) => m.complete && m.score !== null);
  const baseline = complete[0];
  if (!baseline) {
    return {
      baseline: null,
      followUpDue: null,
      followUpStatus: 'baseline-missing',
      change: null,
      noChangeReason: null,
    };
  }
  const later = complete.slice(1);
  const latestAny = later.at(-1);
  const latest = later.filter((m) => m.instrument === baseline.instrument).at(-1);
  const instrument = baseline.instrument as Instrument;
  return {
    baseline: { id: baseline.id, takenAt: baseline.takenAt },
    followUpDue: followUpDue(baseline.takenAt),
    followUpStatus: followUpStatus(baseline.takenAt, latestAny?.takenAt ?? null, today),
    change: latest
      ? {
          instrument,
          baselineScore: baseline.score!,
          latestScore: latest.score!,
          ...describeChange(instrument, baseline.score!, latest.score!),
        }
      : null,
    noChangeReason:
      latestAny && !latest
        ? `The score of ${longDate(latestAny.takenAt)} is ${latestAny.instrument}, a different ` +
          `questionnaire from the ${instrument} baseline, so the two cannot be compared. ` +
          `A ${instrument} follow-up will show the change.`
        : null,
  };
}

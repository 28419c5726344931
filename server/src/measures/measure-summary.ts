import {
  describeChange,
  swemwbsScoreOf,
  followUpDue,
  followUpStatus,
  type ChangeMeaning,
  type FollowUpStatus,
  type Instrument,
  type ItemAnswer,
} from '@careweave/shared';
import { longDate } from '../calendar.js';

/** The facts of a measure that the summary reads, oldest first. */
export interface ScoredMeasure {
  id: string;
  instrument: string;
  items: ItemAnswer[];
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
    /** How a WEMWBS was read to compare it with a SWEMWBS; null for the same questionnaire. */
    note: string | null;
  } | null;
}

/**
 * Sums up one person's measures (oldest first) on `today`. The baseline is the first complete
 * measure; the change compares the latest complete measure with it. A WEMWBS total and a
 * SWEMWBS metric score are on different scales, so when the two differ both are compared on
 * SWEMWBS, whose seven items every WEMWBS holds.
 */
export function summariseMeasures(measures: ScoredMeasure[], today: string): MeasureSummary {
  const complete = measures.filter((m) => m.complete && m.score !== null);
  const baseline = complete[0];
  if (!baseline) {
    return { baseline: null, followUpDue: null, followUpStatus: 'baseline-missing', change: null };
  }
  const latest = complete.slice(1).at(-1);
  return {
    baseline: { id: baseline.id, takenAt: baseline.takenAt },
    followUpDue: followUpDue(baseline.takenAt),
    followUpStatus: followUpStatus(baseline.takenAt, latest?.takenAt ?? null, today),
    change: latest ? changeBetween(baseline, latest) : null,
  };
}

function changeBetween(baseline: ScoredMeasure, latest: ScoredMeasure): MeasureSummary['change'] {
  const same = baseline.instrument === latest.instrument;
  const instrument: Instrument = same ? (baseline.instrument as Instrument) : 'SWEMWBS';
  const scoreOf = (m: ScoredMeasure) =>
    same ? m.score! : swemwbsScoreOf(m.instrument as Instrument, m.items)!;
  const [baselineScore, latestScore] = [scoreOf(baseline), scoreOf(latest)];
  const wemwbs = baseline.instrument === 'WEMWBS' ? baseline : latest;
  return {
    instrument,
    baselineScore,
    latestScore,
    ...describeChange(instrument, baselineScore, latestScore),
    note: same
      ? null
      : `Compared on SWEMWBS: the WEMWBS of ${longDate(wemwbs.takenAt)} is scored on the seven ` +
        'SWEMWBS items it holds.',
  };
}

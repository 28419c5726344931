/** The two wellbeing instruments Careweave scores (DESIGN §3). */
export const INSTRUMENTS = ['WEMWBS', 'SWEMWBS'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** How many items each instrument has. */
export const ITEM_COUNTS: Readonly<Record<Instrument, number>> = { WEMWBS: 14, SWEMWBS: 7 };

/**
 * The WEMWBS item each SWEMWBS item is, in order, as published (Stewart-Brown et al., Health
 * and Quality of Life Outcomes 2009, 7:15): WEMWBS items 4, 5, 8, 10, 12, 13 and 14 are not in it.
 */
export const SWEMWBS_FROM_WEMWBS: readonly number[] = [1, 2, 3, 6, 7, 9, 11];

/**
 * The published SWEMWBS raw → metric (Rasch) conversion, raw 7…35 (DESIGN §3). A SWEMWBS
 * score is always reported as this metric score, never as the raw sum.
 */
export const SWEMWBS_METRIC: Readonly<Record<number, number>> = {
  7: 7.0,
  8: 9.51,
  9: 11.25,
  10: 12.4,
  11: 13.33,
  12: 14.08,
  13: 14.75,
  14: 15.32,
  15: 15.84,
  16: 16.36,
  17: 16.88,
  18: 17.43,
  19: 17.98,
  20: 18.59,
  21: 19.25,
  22: 19.98,
  23: 20.73,
  24: 21.54,
  25: 22.35,
  26: 23.21,
  27: 24.11,
  28: 25.03,
  29: 26.02,
  30: 27.03,
  31: 28.13,
  32: 29.31,
  33: 30.7,
  34: 32.55,
  35: 35.0,
};

export function isInstrument(value: unknown): value is Instrument {
  return (INSTRUMENTS as readonly unknown[]).includes(value);
}

/** One item as the product may show it: a number and a neutral label, never the wording. */
export interface MeasureItem {
  number: number;
  label: string;
  /** The WEMWBS item this is (the same number for WEMWBS itself). */
  wemwbsItem: number;
}

/**
 * The items of an instrument. The wording is the authors' copyright and licensed on
 * registration, so it is not here: an operator with a licence supplies it in a file.
 */
export function measureItems(instrument: Instrument): MeasureItem[] {
  return Array.from({ length: ITEM_COUNTS[instrument] }, (_, i) => ({
    number: i + 1,
    label: `Item ${i + 1}`,
    wemwbsItem: instrument === 'SWEMWBS' ? SWEMWBS_FROM_WEMWBS[i]! : i + 1,
  }));
}

/** One answer: 1 ("none of the time") to 5 ("all of the time"), or null when not answered. */
export type ItemAnswer = number | null;

/** A scored response; an incomplete one is kept but not scored, and says why. */
export interface MeasureScore {
  raw: number | null;
  score: number | null;
  complete: boolean;
  incompleteReason: string | null;
}

/** What is wrong with a response before it can be stored, per field (empty when all is well). */
export function measureProblems(instrument: unknown, items: unknown): Record<string, string> {
  if (!isInstrument(instrument)) return { instrument: 'Choose an instrument: WEMWBS or SWEMWBS' };
  const count = ITEM_COUNTS[instrument];
  if (!Array.isArray(items) || items.length !== count) {
    return { items: `${instrument} has ${count} items: give an answer, or none, for each` };
  }
  const bad = items.findIndex(
    (v) => v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5),
  );
  if (bad >= 0) return { items: `Item ${bad + 1} must be a whole number from 1 to 5, or blank` };
  return {};
}

function listItems(numbers: number[]): string {
  const names = numbers.map((n) => `Item ${n}`);
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/**
 * Scores a response that `measureProblems` accepted: WEMWBS as the total (14–70), SWEMWBS as
 * the metric score from the conversion table. Any unanswered item leaves it unscored: the
 * published scoring has no rule for a missing item, and guessing one would mislead.
 */
export function scoreMeasure(instrument: Instrument, items: readonly ItemAnswer[]): MeasureScore {
  const missing = items.flatMap((v, i) => (v === null ? [i + 1] : []));
  if (missing.length > 0) {
    const verb = missing.length === 1 ? 'was' : 'were';
    return {
      raw: null,
      score: null,
      complete: false,
      incompleteReason: `${listItems(missing)} ${verb} not answered`,
    };
  }
  const raw = (items as number[]).reduce((sum, v) => sum + v, 0);
  const score = instrument === 'SWEMWBS' ? SWEMWBS_METRIC[raw]! : raw;
  return { raw, score, complete: true, incompleteReason: null };
}

/**
 * The SWEMWBS metric score of a complete response to either questionnaire: a WEMWBS holds the
 * seven SWEMWBS items, so it is scored on those alone. Null for an incomplete response.
 */
export function swemwbsScoreOf(
  instrument: Instrument,
  items: readonly ItemAnswer[],
): number | null {
  const swemwbs =
    instrument === 'SWEMWBS' ? items : SWEMWBS_FROM_WEMWBS.map((n) => items[n - 1] ?? null);
  return scoreMeasure('SWEMWBS', swemwbs).score;
}

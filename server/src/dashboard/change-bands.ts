import type { ChangeMeaning, Instrument } from '@careweave/shared';

/**
 * People whose score moved by a whole-point band of one instrument. A band holds changes whose
 * size truncates to it: +2 holds +2.00 to +2.99, −2 holds −2.00 to −2.99, and 0 holds anything
 * under 1 either way. DESIGN §3's thresholds (1 and 3 SWEMWBS points, about 3 WEMWBS points)
 * are whole numbers, so every change in a band means the same; rounding would put +2.55 with
 * the meaningful +3s.
 */
export interface ChangeBand {
  instrument: Instrument;
  band: number;
  meaning: ChangeMeaning;
  count: number;
}

/** The bands people's changes fall in, each instrument apart: their points are not alike. */
export function changeBands(
  changes: { instrument: Instrument; change: number; meaning: ChangeMeaning }[],
): ChangeBand[] {
  const bands = new Map<string, ChangeBand>();
  for (const { instrument, change, meaning } of changes) {
    const band = Math.trunc(change) || 0;
    // The meaning is in the key too, so a band could never count two meanings as one.
    const key = `${instrument}:${band}:${meaning}`;
    const entry = bands.get(key);
    if (entry) entry.count += 1;
    else bands.set(key, { instrument, band, meaning, count: 1 });
  }
  return [...bands.values()].sort(
    (a, b) => a.instrument.localeCompare(b.instrument) || a.band - b.band,
  );
}

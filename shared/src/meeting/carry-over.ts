// What happens to the cases a meeting closes without discussing: they carry to the next one.

import { PREP_NOTES_MAX } from './agenda.js';
import { meetingDateLabel } from './minutes.js';

/** With less room than this left under the limit, carried notes are not added: a stub misleads. */
const LEAST_CARRIED = 100;
const CUT_SHORT = '… (cut short to fit: the whole is on that meeting’s agenda)';

/**
 * The prep notes of a case on the next agenda with those of the same person's case left at an
 * earlier meeting (held on `heldOn`, ISO) added after them, marked as from that meeting; as they
 * were when the earlier notes are empty or already in them.
 */
export function withCarriedNotes(own: string, carried: string, heldOn: string): string {
  const earlier = carried.trim();
  if (!earlier || own.includes(earlier)) return own;
  const heading = `From the meeting on ${meetingDateLabel(heldOn)}:\n`;
  const before = own.trim() ? `${own.trimEnd()}\n\n${heading}` : heading;
  const room = PREP_NOTES_MAX - before.length;
  if (earlier.length <= room) return before + earlier;
  // Over the limit the case's own notes stay whole and the earlier ones are cut short, saying
  // so (they stay whole on the earlier case); with too little room for that, none are added.
  const kept = room - CUT_SHORT.length;
  if (kept < LEAST_CARRIED) return own;
  return before + earlier.slice(0, kept).trimEnd() + CUT_SHORT;
}

/** What closing a meeting did with its undiscussed cases, as the close API answers it. */
export interface CloseAnswer {
  nextMeetingStartsAt: string | null;
  carried: number;
  alreadyListed: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the chair is told on closing: "2 cases carried to the meeting on 30 November 2026; 1
 * person was already on its agenda."
 */
export function closeSummary({ nextMeetingStartsAt, carried, alreadyListed }: CloseAnswer): string {
  if (!nextMeetingStartsAt || carried + alreadyListed === 0) {
    return 'No cases were left to carry to another meeting.';
  }
  const meeting = `the meeting on ${meetingDateLabel(nextMeetingStartsAt)}`;
  const were = (n: number) => (n === 1 ? 'was' : 'were');
  const listed = count(alreadyListed, 'person', 'people');
  if (carried === 0) {
    return `${listed} not discussed ${were(alreadyListed)} already on the agenda of ${meeting}.`;
  }
  const said = `${count(carried, 'case', 'cases')} carried to ${meeting}`;
  return alreadyListed === 0
    ? `${said}.`
    : `${said}; ${listed} ${were(alreadyListed)} already on its agenda.`;
}

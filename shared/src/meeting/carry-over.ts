// What happens to the cases a meeting closes without discussing: they carry to the next one.

import { meetingDateLabel } from './minutes.js';

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

import { meetingAgenda } from './meeting-agenda.js';
import type { MeetingDeps } from './meeting-context.js';
import { meetingLive } from './meeting-live.js';
import { meetingMinutes } from './meeting-minutes.js';
import { meetingViews } from './meeting-views.js';

/** MDT meetings: the list and detail, the agenda, the live meeting, outcomes and minutes. */
export type MeetingsService = ReturnType<typeof meetingViews> &
  ReturnType<typeof meetingAgenda> &
  ReturnType<typeof meetingLive> &
  ReturnType<typeof meetingMinutes>;

export function createMeetingsService(deps: MeetingDeps): MeetingsService {
  return {
    ...meetingViews(deps),
    ...meetingAgenda(deps),
    ...meetingLive(deps),
    ...meetingMinutes(deps),
  };
}

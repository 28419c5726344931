import { describe, expect, it } from 'vitest';
import { heldOnAnotherDay, meetingTime } from './meetings';

describe('the day a meeting is dated', () => {
  const planned = '2026-12-09T10:00:00.000Z';

  it('is the day planned, until it starts, and when it started that day', () => {
    expect(meetingTime({ startsAt: planned, startedAt: null })).toBe(planned);
    const onTheDay = { startsAt: planned, startedAt: '2026-12-09T09:40:00.000Z' };
    expect(heldOnAnotherDay(onTheDay)).toBe(false);
    expect(meetingTime(onTheDay)).toBe(planned);
  });

  it('is the day it was held when that was another day on the team’s clock', () => {
    const early = { startsAt: planned, startedAt: '2026-12-02T14:00:00.000Z' };
    expect(heldOnAnotherDay(early)).toBe(true);
    expect(meetingTime(early)).toBe(early.startedAt);
    // 23:30 UTC on 8 July is 00:30 on 9 July in London: the same day as planned.
    const summer = { startsAt: '2026-07-09T09:00:00.000Z', startedAt: '2026-07-08T23:30:00.000Z' };
    expect(heldOnAnotherDay(summer)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDateLabel } from '@careweave/shared';
import { freshDatabase, type FreshDatabase } from '../repo/fresh-database.js';
import { deferredTo, listCases } from '../repo/meeting-cases.js';
import { closeFixture, type CloseFixture, type MeetingSeed } from './test-close-fixture.js';
import { closeMeeting } from './meeting-close.js';

const adminUrl = process.env.TEST_DATABASE_URL;
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000);

describe(`closing a meeting (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  let fresh: FreshDatabase;
  let team: CloseFixture;

  beforeAll(async () => {
    fresh = await freshDatabase(adminUrl);
    team = await closeFixture(fresh.database.db);
  }, 60_000);
  afterAll(async () => {
    await team?.close();
    await fresh?.drop();
  });

  /** Closes a live meeting of these cases, none of them discussed. */
  async function closeLive(startsAt: Date, cases: MeetingSeed['cases']) {
    const id = await team.meeting({ startsAt, cases, status: 'live', startedAt: startsAt });
    const closed = await closeMeeting(team.deps, team.chair, id);
    if (!closed.ok) throw new Error(closed.error);
    return { id, closed };
  }

  it('counts the cases it added to the next agenda apart from people already on it', async () => {
    const [first, second, third] = team.personIds;
    const nextStart = hoursFromNow(24);
    const next = await team.meeting({ startsAt: nextStart, cases: [{ personId: first! }] });
    const { closed } = await closeLive(hoursFromNow(-1), [
      { personId: first! },
      { personId: second! },
      { personId: third! },
    ]);
    expect(closed).toMatchObject({
      nextMeetingId: next,
      nextMeetingStartsAt: nextStart,
      carried: 2,
      alreadyListed: 1,
    });
    const agenda = await listCases(team.deps.db, next);
    expect(agenda.map((c) => c.personId)).toEqual([first, second, third]);
  });

  it('adds the prep notes of someone already on the next agenda to their case there', async () => {
    const [, , , fourth] = team.personIds;
    const nextStart = hoursFromNow(48);
    const next = await team.meeting({
      startsAt: nextStart,
      cases: [{ personId: fourth!, prepNotes: 'Ask about the stairs.' }],
    });
    const startsAt = hoursFromNow(36);
    const { closed } = await closeLive(startsAt, [
      { personId: fourth!, prepNotes: 'Housing letter due.' },
    ]);
    expect(closed).toMatchObject({ nextMeetingId: next, carried: 0, alreadyListed: 1 });
    const [there] = await listCases(team.deps.db, next);
    expect(there!.prepNotes).toBe(
      `Ask about the stairs.\n\nFrom the meeting on ${meetingDateLabel(startsAt.toISOString())}:\nHousing letter due.`,
    );
  });

  it('closes a meeting stored for year 9999, carrying its cases to a week after it was held', async () => {
    // Its own team, so that no meeting is scheduled after it and one is made.
    const other = await closeFixture(team.deps.db, 1);
    const heldAt = hoursFromNow(-1);
    const id = await other.meeting({
      startsAt: new Date('9999-12-30T09:30:00Z'),
      status: 'live',
      startedAt: heldAt,
      cases: [{ personId: other.personIds[0]! }],
    });
    const closed = await closeMeeting(other.deps, other.chair, id);
    await other.close();
    expect(closed).toMatchObject({ ok: true, carried: 1, alreadyListed: 0 });
    const week = closed.ok ? closed.nextMeetingStartsAt!.getTime() - heldAt.getTime() : 0;
    expect(Math.abs(week - 7 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
  });

  it('says a deferred case went on to the meeting it was carried to, else one still to come', async () => {
    const [, , carriedOn, listed] = team.personIds;
    const closedAt = hoursFromNow(-1);
    const deferred = [carriedOn!, listed!].map((personId) => ({ personId, status: 'deferred' }));
    const id = await team.meeting({
      startsAt: hoursFromNow(-3),
      status: 'closed',
      startedAt: hoursFromNow(-3),
      closedAt,
      cases: deferred,
    });
    const [carriedCase, listedCase] = await listCases(team.deps.db, id);
    // Gone by when it closed: one never held, and one held and closed before it.
    await team.meeting({ startsAt: hoursFromNow(-2), cases: deferred });
    const held = { status: 'closed' as const, startedAt: hoursFromNow(-2.5) };
    await team.meeting({
      startsAt: hoursFromNow(-2.5),
      ...held,
      closedAt: hoursFromNow(-1.5),
      cases: deferred,
    });
    // Still to come, and held since: the minutes go on naming it.
    const heldSince = hoursFromNow(-0.5);
    await team.meeting({
      startsAt: heldSince,
      status: 'closed',
      startedAt: heldSince,
      closedAt: hoursFromNow(-0.25),
      cases: [{ personId: listed! }],
    });
    const carriedTo = hoursFromNow(72);
    await team.meeting({
      startsAt: carriedTo,
      cases: [{ personId: carriedOn!, carriedFromCaseId: carriedCase!.id }],
    });

    const found = await deferredTo(team.deps.db, id);
    expect(found.get(carriedCase!.id)).toEqual(carriedTo);
    expect(found.get(listedCase!.id)).toEqual(heldSince);
  });

  it('marks notes carried from a year-9999 meeting never started with the day it closed', async () => {
    const other = await closeFixture(team.deps.db, 1);
    const personId = other.personIds[0]!;
    const next = await other.meeting({ startsAt: hoursFromNow(24), cases: [{ personId }] });
    const id = await other.meeting({
      startsAt: new Date('9999-06-01T09:30:00Z'),
      cases: [{ personId, prepNotes: 'Housing letter due.' }],
    });
    const closed = await closeMeeting(other.deps, other.chair, id);
    await other.close();
    expect(closed).toMatchObject({ ok: true, nextMeetingId: next, alreadyListed: 1 });
    const [there] = await listCases(team.deps.db, next);
    const today = meetingDateLabel(new Date().toISOString());
    expect(there!.prepNotes).toBe(`From the meeting on ${today}:\nHousing letter due.`);
  });
});

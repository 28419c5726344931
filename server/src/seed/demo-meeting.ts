import { schema, type Db } from '@careweave/db';
import type { CaseReason } from '@careweave/shared';
import type { Clock } from './history.js';

// Next week's MDT for the demo neighbourhood, with its agenda prepared. Fictitious throughout.

const AGENDA: { nhsNumber: string; reason: CaseReason; minutes: number; prepNotes: string }[] = [
  {
    nhsNumber: '9990000018',
    reason: 'review',
    minutes: 10,
    prepNotes:
      'Three-month review. Walking goal progressing (6/10); knitting group restarted. Agree whether to step down to primary care.',
  },
  {
    nhsNumber: '9990000026',
    reason: 'follow-up-due',
    minutes: 8,
    prepNotes:
      'Debt advice referral made; check it happened and whether the Health Check is booked.',
  },
  {
    nhsNumber: '9990000034',
    reason: 'new-referral',
    minutes: 12,
    prepNotes:
      'Referred by her GP for poor sleep and anxiety. Has not consented to share with partners.',
  },
];

/** Schedules next week's meeting, chaired by the GP lead, with three cases and no versions. */
export async function seedDemoMeeting(
  db: Db,
  {
    neighbourhoodId,
    chairId,
    peopleByNhsNumber,
    clock,
  }: {
    neighbourhoodId: string;
    chairId: string;
    peopleByNhsNumber: Map<string, string>;
    clock: Clock;
  },
): Promise<void> {
  const [meeting] = await db
    .insert(schema.meetings)
    .values({
      neighbourhoodId,
      startsAt: new Date(`${clock.date(7)}T09:30:00Z`),
      place: 'Heatons Group Practice, meeting room 2',
      callLink: 'https://meet.example.org/heatons-mdt',
      chairId,
    })
    .returning({ id: schema.meetings.id });
  await db.insert(schema.meetingCases).values(
    AGENDA.map((c, i) => ({
      meetingId: meeting!.id,
      personId: peopleByNhsNumber.get(c.nhsNumber)!,
      reason: c.reason,
      minutesAllotted: c.minutes,
      position: i + 1,
      prepNotes: c.prepNotes,
    })),
  );
}

import { schema, type Db } from '@careweave/db';
import { scoreMeasure, type Instrument, type ReferralStatus } from '@careweave/shared';
import type { DemoTeam } from './demo-plans.js';
import type { Clock } from './history.js';

// Pathways, wellbeing measures and referrals for the demo people, so that every state the
// plan and the dashboard show is there to see: a change that matters, a follow-up due, one
// overdue, a person with no baseline, an incomplete response, and referrals at each step.

type Member = keyof DemoTeam;

/** Measures by NHS number: instrument, days ago, answers, and who recorded it. */
const MEASURES: Record<string, [Instrument, number, (number | null)[], Member][]> = {
  // Ellison: baseline four months ago, follow-up recently — a possible improvement.
  '9990000018': [
    ['SWEMWBS', 120, [2, 3, 2, 3, 3, 2, 3], 'navigator'],
    ['SWEMWBS', 20, [3, 3, 3, 4, 3, 3, 3], 'navigator'],
  ],
  // Okonjo: baseline about three months ago — follow-up due now.
  '9990000026': [['SWEMWBS', 100, [3, 2, 3, 3, 2, 3, 3], 'navigator']],
  // Kowalczyk: baseline five months ago, no follow-up — overdue.
  '9990000034': [['SWEMWBS', 150, [2, 2, 3, 2, 2, 3, 2], 'nurse']],
  // Pimm: baseline and follow-up — a meaningful improvement.
  '9990000042': [
    ['SWEMWBS', 200, [2, 2, 3, 2, 2, 3, 2], 'navigator'],
    ['SWEMWBS', 100, [3, 3, 4, 3, 3, 4, 3], 'navigator'],
  ],
  // Rahman: nothing yet — baseline missing.
  // Lindqvist: a WEMWBS baseline last month — not yet due.
  '9990000069': [['WEMWBS', 30, [3, 3, 3, 4, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3], 'navigator']],
  // Featherstone: one item left blank, so stored unscored — still no baseline.
  '9990000077': [['SWEMWBS', 10, [3, 3, 3, 3, null, 3, 3], 'navigator']],
};

/** Referrals: person, service, reason, urgency, made by, days ago, then each step after. */
const REFERRALS: {
  person: string;
  service: string;
  reason: string;
  urgency: string;
  by: Member;
  daysAgo: number;
  steps: [ReferralStatus, Member, number, string | null][];
}[] = [
  {
    person: '9990000018',
    service: 'Tuesday walking and talking group',
    reason: 'Wants company on short walks, building up to the shops on her own.',
    urgency: 'routine',
    by: 'navigator',
    daysAgo: 5,
    steps: [],
  },
  {
    person: '9990000026',
    service: 'Debt advice appointment',
    reason: 'Council tax arrears and unopened letters.',
    urgency: 'soon',
    by: 'navigator',
    daysAgo: 16,
    steps: [['accepted', 'navigator', 14, 'Accepted by phone; appointment on the 3rd.']],
  },
  {
    person: '9990000069',
    service: 'Volunteer matching',
    reason: 'Would like to volunteer at the food bank again.',
    urgency: 'routine',
    by: 'navigator',
    daysAgo: 20,
    steps: [
      ['accepted', 'partner', 18, null],
      ['in-progress', 'partner', 11, 'Met Peter; first shift next Friday.'],
    ],
  },
  {
    person: '9990000042',
    service: 'Direct-access MSK physiotherapy',
    reason: 'Knee pain making the stairs hard.',
    urgency: 'soon',
    by: 'gp',
    daysAgo: 60,
    steps: [
      ['accepted', 'physio', 58, null],
      ['in-progress', 'physio', 50, 'Six sessions of strengthening exercises.'],
      ['completed', 'physio', 8, 'Managing the stairs with a rail; exercises at home.'],
    ],
  },
  {
    person: '9990000050',
    service: 'Housing advice drop-in',
    reason: 'Damp in the bedroom, landlord not responding.',
    urgency: 'routine',
    by: 'navigator',
    daysAgo: 25,
    steps: [['declined', 'navigator', 20, 'Already being helped by the council’s tenancy team.']],
  },
];

/** Seeds pathway history, measures and referrals for the demo people. */
export async function seedDemoOutcomes(
  db: Db,
  context: {
    team: DemoTeam;
    peopleByNhsNumber: Map<string, { id: string; planId: string; pathway: string }>;
    serviceIds: Map<string, string>;
    clock: Clock;
  },
): Promise<void> {
  const { team, peopleByNhsNumber, serviceIds, clock } = context;
  for (const [nhsNumber, person] of peopleByNhsNumber) {
    // Featherstone started on Prevention and moved to Recovery after a fall.
    const moved = nhsNumber === '9990000077';
    const history = moved
      ? [
          { pathway: 'Prevention', setBy: team.navigator, setAt: clock.ago(60) },
          { pathway: person.pathway, setBy: team.gp, setAt: clock.ago(10) },
        ]
      : [{ pathway: person.pathway, setBy: team.navigator, setAt: clock.ago(22) }];
    await db
      .insert(schema.pathwayHistory)
      .values(history.map((h) => ({ ...h, personId: person.id })));

    for (const [instrument, daysAgo, items, by] of MEASURES[nhsNumber] ?? []) {
      await db.insert(schema.outcomeMeasures).values({
        personId: person.id,
        instrument,
        items,
        ...scoreMeasure(instrument, items),
        takenAt: clock.date(-daysAgo),
        recordedBy: team[by],
        createdAt: clock.ago(daysAgo),
      });
    }
  }

  for (const r of REFERRALS) {
    const person = peopleByNhsNumber.get(r.person)!;
    const status = r.steps.at(-1)?.[0] ?? 'sent';
    const [row] = await db
      .insert(schema.referrals)
      .values({
        personId: person.id,
        planId: person.planId,
        serviceId: serviceIds.get(r.service)!,
        reason: r.reason,
        urgency: r.urgency,
        status,
        createdBy: team[r.by],
        createdAt: clock.ago(r.daysAgo),
        updatedAt: clock.ago(r.steps.at(-1)?.[2] ?? r.daysAgo),
      })
      .returning({ id: schema.referrals.id });
    await db.insert(schema.referralEvents).values([
      { referralId: row!.id, status: 'sent', note: null, by: team[r.by], at: clock.ago(r.daysAgo) },
      ...r.steps.map(([s, by, daysAgo, note]) => ({
        referralId: row!.id,
        status: s,
        note,
        by: team[by],
        at: clock.ago(daysAgo),
      })),
    ]);
  }
}

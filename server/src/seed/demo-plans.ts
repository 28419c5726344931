import { addAction, addBarrier, addGoal, recordProgress } from '@careweave/shared';
import { margaretEllison } from './demo-plan-ellison.js';
import type { Clock, SeededDocument } from './history.js';

// The content of a few demo plans, written as the team would have over the last three weeks.
// Every person, condition and note here is fictitious.

/** Demo user ids by the part of their email before the @. */
export type DemoTeam = Record<
  'gp' | 'nurse' | 'pharmacist' | 'physio' | 'navigator' | 'partner',
  string
>;

export interface DemoPlan {
  shared: SeededDocument;
  clinical: SeededDocument;
  team: DemoTeam;
  clock: Clock;
}

function davidOkonjo({ shared, team, clock }: DemoPlan): void {
  let letters = '';
  let arrears = '';
  shared.as(team.navigator, clock.ago(18), (doc) => {
    letters = addGoal(
      doc,
      {
        text: 'Sort out the council tax letters so I stop worrying about them.',
        horizon: 'month',
        category: 'finances',
      },
      team.navigator,
      clock.ago(18),
    );
    const allotment = addGoal(
      doc,
      {
        text: 'Keep the allotment going through the winter.',
        horizon: 'year',
        category: 'wellbeing',
      },
      team.navigator,
      clock.ago(18),
    );
    recordProgress(doc, letters, 2, team.navigator, clock.ago(18));
    recordProgress(doc, allotment, 6, team.navigator, clock.ago(18));
    arrears = addBarrier(
      doc,
      {
        text: 'Council tax arrears, and letters he has not opened',
        kind: 'debt',
        goalIds: [letters],
        overcomeBy: 'Debt advice appointment; help to open and sort the letters',
      },
      team.navigator,
      clock.ago(18),
    );
    addAction(
      doc,
      {
        text: 'Refer David to the debt advice service',
        ownerId: team.navigator,
        dueDate: clock.date(2),
        link: { kind: 'barrier', id: arrears },
      },
      team.navigator,
      clock.ago(18),
    );
    addAction(
      doc,
      {
        text: 'Invite David for an NHS Health Check',
        ownerId: team.nurse,
        dueDate: clock.date(12),
      },
      team.navigator,
      clock.ago(18),
    );
  });
  shared.as(team.partner, clock.ago(4), (doc) =>
    recordProgress(doc, letters, 4, team.partner, clock.ago(4)),
  );
}

function aishaRahman({ shared, team, clock }: DemoPlan): void {
  let hill = '';
  shared.as(team.navigator, clock.ago(16), (doc) => {
    const work = addGoal(
      doc,
      { text: 'Go back to work part-time by the summer.', horizon: 'year', category: 'employment' },
      team.navigator,
      clock.ago(16),
    );
    hill = addGoal(
      doc,
      {
        text: 'Walk up the hill to the bus stop without stopping.',
        horizon: 'month',
        category: 'physical-health',
      },
      team.navigator,
      clock.ago(16),
    );
    recordProgress(doc, work, 3, team.navigator, clock.ago(16));
    recordProgress(doc, hill, 4, team.navigator, clock.ago(16));
    const inhalers = addBarrier(
      doc,
      {
        text: 'Not sure she is using her inhalers the right way',
        kind: 'medication',
        goalIds: [hill],
        overcomeBy: 'Inhaler technique check with the practice nurse',
      },
      team.navigator,
      clock.ago(16),
    );
    addAction(
      doc,
      {
        text: 'Inhaler technique check',
        ownerId: team.nurse,
        dueDate: clock.date(6),
        link: { kind: 'barrier', id: inhalers },
      },
      team.navigator,
      clock.ago(16),
    );
    addAction(
      doc,
      {
        text: 'Look into a return-to-work service with Aisha',
        ownerId: team.navigator,
        dueDate: clock.date(14),
        link: { kind: 'goal', id: work },
      },
      team.navigator,
      clock.ago(16),
    );
  });
  shared.as(team.nurse, clock.ago(2), (doc) =>
    recordProgress(doc, hill, 5, team.nurse, clock.ago(2)),
  );
}

/** Plan content for some demo people, by NHS number. */
export const DEMO_PLANS: Record<string, (plan: DemoPlan) => void> = {
  '9990000018': margaretEllison,
  '9990000026': davidOkonjo,
  '9990000050': aishaRahman,
};

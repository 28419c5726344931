import {
  addAction,
  addBarrier,
  addCondition,
  addGoal,
  addMedication,
  appendParagraphs,
  reviewMedication,
  recordProgress,
} from '@careweave/shared';
import type { DemoPlan } from './demo-plans.js';

// Margaret Ellison's plan: the fullest demo, with a clinical record. Fictitious throughout.

/** Writes Margaret's plan as the team built it over three weeks. */
export function margaretEllison({ shared, clinical, team, clock }: DemoPlan): void {
  let walking = '';
  let knitting = '';
  let calmer = '';
  let falls = '';
  shared.as(team.navigator, clock.ago(21), (doc) => {
    walking = addGoal(
      doc,
      {
        text: 'In a month I want to be walking to the shops on my own.',
        horizon: 'month',
        category: 'physical-health',
        reviewDate: clock.date(10),
      },
      team.navigator,
      clock.ago(21),
    );
    knitting = addGoal(
      doc,
      {
        text: 'Getting back to my Tuesday knitting group at the library.',
        horizon: 'month',
        category: 'social-connection',
      },
      team.navigator,
      clock.ago(21),
    );
    calmer = addGoal(
      doc,
      {
        text: 'I’d like to feel less on edge when I’m in the house by myself.',
        horizon: 'year',
        category: 'mental-health',
      },
      team.navigator,
      clock.ago(21),
    );
    recordProgress(doc, walking, 3, team.navigator, clock.ago(21));
    recordProgress(doc, knitting, 2, team.navigator, clock.ago(21));
    recordProgress(doc, calmer, 4, team.navigator, clock.ago(21));
    falls = addBarrier(
      doc,
      {
        text: 'Scared of falling again since the fall in March',
        kind: 'mobility',
        goalIds: [walking],
        overcomeBy: 'Strength and balance sessions; walk the route with a volunteer first',
      },
      team.navigator,
      clock.ago(21),
    );
    addBarrier(
      doc,
      {
        text: 'On her own most days since her husband died',
        kind: 'social-isolation',
        goalIds: [knitting, calmer],
        overcomeBy: 'A peer support volunteer goes with her to the first two knitting sessions',
      },
      team.navigator,
      clock.ago(21),
    );
    appendParagraphs(doc.getXmlFragment('navigatorNotes'), [
      'Met Margaret at home with her daughter. She is keen to get out more but nervous about falling.',
    ]);
  });
  shared.as(team.physio, clock.ago(14), (doc) =>
    recordProgress(doc, walking, 4, team.physio, clock.ago(14)),
  );
  shared.as(team.nurse, clock.ago(10), (doc) => {
    addAction(
      doc,
      {
        text: 'Book a strength and balance assessment with the physio',
        ownerId: team.nurse,
        dueDate: clock.date(-3),
        link: { kind: 'barrier', id: falls },
      },
      team.nurse,
      clock.ago(10),
    );
    addAction(
      doc,
      {
        text: 'Check blood pressure two weeks after the medicine review',
        ownerId: team.nurse,
        dueDate: clock.date(9),
      },
      team.nurse,
      clock.ago(10),
    );
  });
  shared.as(team.navigator, clock.ago(9), (doc) => {
    addAction(
      doc,
      {
        text: 'Ask the library for the knitting group’s current times',
        ownerId: team.navigator,
        dueDate: clock.date(4),
        link: { kind: 'goal', id: knitting },
      },
      team.navigator,
      clock.ago(9),
    );
    addAction(
      doc,
      {
        text: 'Introduce Margaret to Tame Valley Peer Support',
        ownerId: team.navigator,
        dueDate: clock.date(-5),
        status: 'done',
      },
      team.navigator,
      clock.ago(9),
    );
  });
  shared.as(team.partner, clock.ago(5), (doc) => {
    recordProgress(doc, knitting, 5, team.partner, clock.ago(5));
    appendParagraphs(doc.getXmlFragment('partnerNotes'), [
      'Margaret came to the Thursday coffee morning and stayed for an hour.',
    ]);
  });
  shared.as(team.nurse, clock.ago(3), (doc) =>
    recordProgress(doc, walking, 6, team.nurse, clock.ago(3)),
  );
  shared.as(team.navigator, clock.ago(1), (doc) =>
    recordProgress(doc, calmer, 5, team.navigator, clock.ago(1)),
  );

  let amlodipine = '';
  clinical.as(team.gp, clock.ago(20), (doc) => {
    appendParagraphs(doc.getXmlFragment('clinicalSummary'), [
      'Recovering after a fall at home in March, with no fracture.',
      'Hypertension, well controlled. Osteoarthritis of both knees limits how far she walks.',
    ]);
    addCondition(doc, { name: 'Hypertension', diagnosed: '2015-06-01' }, team.gp, clock.ago(20));
    addCondition(
      doc,
      { name: 'Osteoarthritis of both knees', diagnosed: '2019-03-01' },
      team.gp,
      clock.ago(20),
    );
    amlodipine = addMedication(
      doc,
      { name: 'Amlodipine', dose: '5 mg', frequency: 'Once a day' },
      team.gp,
      clock.ago(20),
    );
    addMedication(
      doc,
      { name: 'Paracetamol', dose: '1 g', frequency: 'Up to four times a day when needed' },
      team.gp,
      clock.ago(20),
    );
    appendParagraphs(doc.getXmlFragment('mentalHealthRisk'), [
      'Low mood since her bereavement; no risk concerns at the last review.',
    ]);
    appendParagraphs(doc.getXmlFragment('safeguarding'), ['No safeguarding concerns.']);
  });
  clinical.as(team.pharmacist, clock.ago(6), (doc) =>
    reviewMedication(doc, amlodipine, 'reviewed-no-change', team.pharmacist, clock.ago(6)),
  );
}

import { describe, expect, it } from 'vitest';
import { buildMinutes, signOffLabel, type MinutesCaseInput } from './minutes.js';

const meeting = {
  neighbourhood: 'Heatons',
  startsAt: '2026-11-23T09:30:00Z',
  chair: 'Dr Amara Okafor',
  place: 'Room 2',
};

const cases: MinutesCaseInput[] = [
  {
    id: 'b',
    position: 2,
    status: 'done',
    personName: 'Susan Kowalczyk',
    consentToShare: false,
    reason: 'new-referral',
    decision: 'refer',
    actions: [],
    signedOff: null,
    discussion: 'Sleep poor; review sertraline dose.',
  },
  {
    id: 'a',
    position: 1,
    status: 'done',
    personName: 'Margaret Ellison',
    consentToShare: true,
    reason: 'review',
    decision: 'continue-plan',
    actions: [
      { text: 'Walk the route with a volunteer', owner: 'Jo Hartley', dueDate: '2026-12-01' },
    ],
    signedOff: {
      label: 'Agreed at Heatons MDT, 23 November 2026',
      by: 'Dr Amara Okafor',
      at: '2026-11-23T09:50:00Z',
    },
    discussion: 'BP well controlled on amlodipine.',
  },
];

const attendance = [
  {
    name: 'Sam Whitfield',
    role: 'Practice nurse',
    organisation: 'Heatons',
    mode: 'in-room' as const,
  },
  {
    name: 'Kim Ashworth',
    role: 'Voluntary-sector partner',
    organisation: null,
    mode: 'remote' as const,
  },
];

describe('minutes', () => {
  it('lists date, chair, attendees and every case in agenda order for the team', () => {
    const minutes = buildMinutes(meeting, cases, attendance, { audience: 'team' });
    expect(minutes.date).toBe('23 November 2026');
    expect(minutes.chair).toBe('Dr Amara Okafor');
    expect(minutes.attendees.map((a) => [a.name, a.modeLabel])).toEqual([
      ['Kim Ashworth', 'Remote'],
      ['Sam Whitfield', 'In the room'],
    ]);
    expect(minutes.cases.map((c) => c.person)).toEqual(['Margaret Ellison', 'Susan Kowalczyk']);
    const [margaret] = minutes.cases;
    expect(margaret).toMatchObject({
      reason: 'Review',
      decision: 'Continue plan',
      actions: [
        { text: 'Walk the route with a volunteer', owner: 'Jo Hartley', dueDate: '2026-12-01' },
      ],
      signedOff: { by: 'Dr Amara Okafor' },
      discussion: 'BP well controlled on amlodipine.',
    });
  });

  it('gives a partner only consented people, and no discussion notes', () => {
    const minutes = buildMinutes(meeting, cases, attendance, { audience: 'partner' });
    expect(minutes.cases.map((c) => c.person)).toEqual(['Margaret Ellison']);
    expect(minutes.cases[0]).not.toHaveProperty('discussion');
    expect(JSON.stringify(minutes)).not.toContain('amlodipine');
    expect(JSON.stringify(minutes)).not.toContain('Susan');
  });

  it('says a deferred case was carried on, to the date of the meeting that has it', () => {
    const [, margaret] = cases;
    const deferred = { ...margaret!, status: 'deferred' as const, decision: null };
    const outcomes = buildMinutes(
      meeting,
      [
        { ...deferred, id: 'c', deferredTo: '2026-11-30T09:30:00Z' },
        { ...deferred, id: 'd' },
        { ...deferred, id: 'e', status: 'pending' },
        cases[0]!,
      ],
      [],
      { audience: 'team' },
    ).cases.map((c) => [c.decision, c.outcome]);
    expect(outcomes).toEqual([
      [null, 'Deferred: carried to the meeting on 30 November 2026'],
      [null, 'Deferred to a later meeting'],
      [null, 'No decision recorded'],
      ['Refer', 'Refer'],
    ]);
  });

  it('labels a sign-off with the neighbourhood and the meeting date', () => {
    expect(signOffLabel('Heatons', '2026-11-23T09:30:00Z')).toBe(
      'Agreed at Heatons MDT, 23 November 2026',
    );
  });
});

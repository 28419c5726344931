import { describe, expect, it } from 'vitest';
import { removalQuestion } from './removal-questions';

describe('removalQuestion', () => {
  it('asks only for a mistake and says which status keeps the item instead', () => {
    expect(removalQuestion('action', 'Ring the GP')).toBe(
      'Remove the action “Ring the GP”? Only if it was added by mistake: an action no longer ' +
        'needed is better set to Cancelled, or marked done, so the plan keeps it.',
    );
    expect(removalQuestion('barrier', 'Debt', { barriers: 0, actions: 0 })).toMatch(/Overcome/);
  });

  it('says what loses its link to the item, counted', () => {
    const goal = removalQuestion('goal', 'Walk', { barriers: 1, actions: 2, referrals: 1 });
    expect(goal).toMatch(/Stopped, or Achieved/);
    expect(goal).toMatch(/ The link to it from 2 actions and 1 barrier will be removed\./);
    expect(goal).toMatch(/ A referral made for it will stay, with no linked goal\.$/);
    const barrier = removalQuestion('barrier', 'Debt', { barriers: 0, actions: 1 });
    expect(barrier).toMatch(/ The link to it from 1 action will be removed\.$/);
    const referred = removalQuestion('goal', 'Walk', { barriers: 0, actions: 0, referrals: 2 });
    expect(referred).toMatch(/keeps it and its progress\. The 2 referrals made for it will stay/);
  });
});

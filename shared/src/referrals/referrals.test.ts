import { describe, expect, it } from 'vitest';
import {
  REFERRAL_STATUSES,
  isOpenReferral,
  nextReferralStatus,
  openReferralClash,
  referralNoteProblem,
  refusedMove,
  type ReferralStatus,
} from './referrals.js';

const LEGAL: [ReferralStatus, ReferralStatus][] = [
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['accepted', 'in-progress'],
  ['in-progress', 'completed'],
  ['sent', 'withdrawn'],
  ['accepted', 'withdrawn'],
  ['in-progress', 'withdrawn'],
];

describe('the referral state machine', () => {
  it.each(LEGAL)('moves from %s to %s', (from, to) => {
    expect(nextReferralStatus(from, to)).toEqual({ ok: true, status: to });
  });

  it('refuses every other move', () => {
    for (const from of REFERRAL_STATUSES) {
      for (const to of REFERRAL_STATUSES) {
        if (LEGAL.some(([f, t]) => f === from && t === to)) continue;
        expect(nextReferralStatus(from, to).ok).toBe(false);
      }
    }
  });

  it('says why a move is refused', () => {
    const result = nextReferralStatus('declined', 'in-progress');
    expect(result).toEqual({
      ok: false,
      error: 'A referral that is declined cannot move to in progress. It is finished.',
    });
  });

  it('says where a referral can go instead', () => {
    const result = nextReferralStatus('sent', 'completed');
    expect(!result.ok && result.error).toBe(
      'A referral that is sent cannot move to completed. It can move to accepted or declined.',
    );
  });
});

describe('a refused move of a referral that has moved on', () => {
  const at = '2026-03-03T14:05:00.000Z';

  it('names who moved it and when, then why the move cannot be made', () => {
    const now = { status: 'declined' as const, movedBy: { name: 'Kim Ashworth', you: false, at } };
    expect(refusedMove(now, 'accepted')).toBe(
      'Kim Ashworth marked this referral as declined on 3 March 2026 at 14:05. ' +
        'A referral that is declined cannot move to accepted. It is finished.',
    );
  });

  it('says "you" to whoever moved it themselves, and says where it can go next', () => {
    const now = { status: 'accepted' as const, movedBy: { name: 'Sam Okafor', you: true, at } };
    expect(refusedMove(now, 'declined')).toBe(
      'You marked this referral as accepted on 3 March 2026 at 14:05. ' +
        'A referral that is accepted cannot move to declined. It can move to in progress.',
    );
  });

  it('says it is done already when someone else gave the same answer first', () => {
    const now = { status: 'accepted' as const, movedBy: { name: 'Kim Ashworth', you: false, at } };
    expect(refusedMove(now, 'accepted')).toBe(
      'Kim Ashworth marked this referral as accepted on 3 March 2026 at 14:05. ' +
        'It is already accepted. It can move to in progress.',
    );
    const declined = { status: 'declined' as const, movedBy: { name: 'Jo', you: false, at } };
    expect(refusedMove(declined, 'declined')).toMatch(/It is already declined\. It is finished\.$/);
  });

  it('says the team withdrew it, and that it is finished', () => {
    const now = { status: 'withdrawn' as const, movedBy: { name: 'Jo Hartley', you: false, at } };
    expect(refusedMove(now, 'accepted')).toBe(
      'Jo Hartley withdrew this referral on 3 March 2026 at 14:05. ' +
        'A referral that is withdrawn cannot move to accepted. It is finished.',
    );
  });

  it('gives only the reason when no one is known to have moved it', () => {
    expect(refusedMove({ status: 'sent', movedBy: null }, 'completed')).toBe(
      'A referral that is sent cannot move to completed. It can move to accepted or declined.',
    );
  });
});

describe('a second referral to a service while one is open', () => {
  it('counts a referral open until it is declined, completed or withdrawn', () => {
    expect(REFERRAL_STATUSES.filter(isOpenReferral)).toEqual(['sent', 'accepted', 'in-progress']);
  });

  it('names who sent the open one, when, and where it has got to', () => {
    expect(
      openReferralClash({
        serviceName: 'Debt advice (Heatons Money Advice)',
        personName: 'Ada Testperson',
        status: 'in-progress',
        createdBy: 'Jo Hartley',
        createdAt: '2026-11-23T10:05:00.000Z',
      }),
    ).toBe(
      'Jo Hartley referred Ada Testperson to Debt advice (Heatons Money Advice) on 23 November ' +
        '2026 at 10:05, and that referral is still in progress. Follow it up rather than ' +
        'sending another.',
    );
  });
});

describe('the note with a move', () => {
  it('needs saying why to decline or withdraw, and nothing else', () => {
    expect(referralNoteProblem('declined', '  ')).toMatch(/^Say why the referral is declined/);
    expect(referralNoteProblem('declined', 'No places until March')).toBeNull();
    expect(referralNoteProblem('withdrawn', '')).toMatch(/^Say why the referral is withdrawn/);
    expect(referralNoteProblem('withdrawn', 'She would rather wait until spring')).toBeNull();
    for (const to of REFERRAL_STATUSES.filter((s) => s !== 'declined' && s !== 'withdrawn')) {
      expect(referralNoteProblem(to, '')).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES, nextReferralStatus, type ReferralStatus } from './referrals.js';

const LEGAL: [ReferralStatus, ReferralStatus][] = [
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['accepted', 'in-progress'],
  ['in-progress', 'completed'],
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

import type { ReferralRow } from '../repo/referrals.js';

/** One referral as the plan, the referrals page and `GET /api/referrals` show it. */
export interface ReferralView {
  id: string;
  personId: string;
  personName: string;
  planId: string;
  service: { id: string; name: string; kind: string };
  provider: { id: string; name: string };
  reason: string;
  goalId: string | null;
  urgency: string;
  status: string;
  /**
   * Who records how it is going: 'provider' when the provider's own staff see it in Careweave
   * (they sign in to the person's team, and the person consented to share), else 'team'.
   */
  updatedBy: 'provider' | 'team';
  createdBy: { id: string; name: string };
  /** ISO date and time. */
  createdAt: string;
  events: { status: string; note: string | null; by: { id: string; name: string }; at: string }[];
}

export function referralView(row: ReferralRow): ReferralView {
  return {
    id: row.id,
    personId: row.personId,
    personName: `${row.personGivenName} ${row.personFamilyName}`,
    planId: row.planId,
    service: { id: row.serviceId, name: row.serviceName, kind: row.serviceKind },
    provider: { id: row.providerId, name: row.providerName },
    reason: row.reason,
    goalId: row.goalId,
    urgency: row.urgency,
    status: row.status,
    updatedBy: row.providerStaffInTeam && row.consentToShare ? 'provider' : 'team',
    createdBy: { id: row.createdById, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    events: row.events.map((e) => ({
      status: e.status,
      note: e.note,
      by: { id: e.byId, name: e.byName },
      at: e.at.toISOString(),
    })),
  };
}

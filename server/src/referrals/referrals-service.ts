import type { Db } from '@careweave/db';
import {
  canSeePerson,
  isReferralStatus,
  isUrgency,
  isUuid,
  nextReferralStatus,
  openReferralClash,
  planDocumentAccess,
  referralNoteProblem,
  refusedMove,
  URGENCIES,
  WITHDRAWN,
  type ReferralStatus,
} from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import { planContextFor } from '../plan-access.js';
import { recordAudit } from '../repo/audit.js';
import { findPersonByPlan, type PersonRow } from '../repo/people.js';
import { findProvider, findService, providerHasPartners } from '../repo/providers.js';
import { insertReferral, listReferrals, moveReferral } from '../repo/referrals.js';
import type { User } from '../repo/users.js';
import { providerDirectory } from './provider-directory.js';
import { referralView, type ReferralView } from './referral-views.js';

/** `POST /api/plans/:planId/referrals`; values are checked, not trusted. */
export interface ReferralInput {
  serviceId?: unknown;
  reason?: unknown;
  goalId?: unknown;
  urgency?: unknown;
}

const REASON_MAX = 2000;
const NOTE_MAX = 2000;
const GOAL_ID_MAX = 100;
const NO_PLAN = {
  ok: false,
  status: 404,
  error: 'There is no such plan, or you do not have access to it.',
} as const;
const NO_REFERRAL = {
  ok: false,
  status: 404,
  error: 'There is no such referral, or you do not have access to it.',
} as const;
const MAY_NOT_REFER = {
  ok: false,
  status: 403,
  error: 'Only members of the person’s care team who edit the plan can make referrals.',
} as const;
const NOT_YOURS = {
  ok: false,
  status: 403,
  error: 'This referral is to another organisation: only they can update it.',
} as const;
/** The provider's own staff update it in Careweave: the team may not answer for them. */
const PROVIDERS_OWN = (provider: string) =>
  ({
    ok: false,
    status: 403,
    error:
      `${provider}'s staff update their referrals in Careweave themselves, so only they can ` +
      'accept, decline or move this one on. Ask them to update it, or add a note to the plan.',
  }) as const;
/** A provider that cannot take the person on declines; withdrawing is the referring team's. */
const TEAMS_TO_WITHDRAW = {
  ok: false,
  status: 403,
  error:
    'Only the person’s care team can withdraw a referral. If your organisation cannot take ' +
    'the person on, decline it and say why.',
} as const;
const ADMIN = {
  ok: false,
  status: 403,
  error: 'Administrators do not see people’s referrals.',
} as const;

const isPartner = (user: User) => user.role === 'voluntary_partner';

/**
 * A move refused because the referral is not where the caller thought: 409, saying who moved it
 * where and when (its last event), and where it can go now.
 */
function clash(user: User, now: ReferralView, to: ReferralStatus) {
  const last = now.events.at(-1);
  const movedBy =
    last && last.status === now.status
      ? { name: last.by.name, you: last.by.id === user.id, at: last.at }
      : null;
  const error = refusedMove({ status: now.status as ReferralStatus, movedBy }, to);
  return { ok: false, status: 409, error } as const;
}

/** A partner sees only referrals to their own organisation, and nothing of other providers'. */
function visibleTo(user: User, view: ReferralView): boolean {
  return !isPartner(user) || (user.providerId !== null && view.provider.id === user.providerId);
}

/** The provider directory and referrals from plans to its services. */
export function createReferralsService(db: Db) {
  async function planFor(user: User, planId: string): Promise<PersonRow | null> {
    if (!isUuid(planId)) return null;
    const person = await findPersonByPlan(db, planId);
    return person && canSeePerson(user.role, planContextFor(user, person)) ? person : null;
  }
  const mayWritePlan = (user: User, person: PersonRow) =>
    !isPartner(user) &&
    planDocumentAccess(user.role, 'plan-shared', planContextFor(user, person)) === 'write';

  async function one(referralId: string): Promise<ReferralView | null> {
    const [row] = await listReferrals(db, { referralId });
    return row ? referralView(row) : null;
  }

  return {
    ...providerDirectory(db),

    async create(
      user: User,
      planId: string,
      input: ReferralInput,
    ): Promise<Outcome<{ id: string }>> {
      if (user.role === 'admin') return ADMIN;
      const person = await planFor(user, planId);
      if (!person) return NO_PLAN;
      if (!mayWritePlan(user, person)) return MAY_NOT_REFER;
      const fields: Record<string, string> = {};
      const service =
        typeof input.serviceId === 'string' && isUuid(input.serviceId)
          ? await findService(db, input.serviceId)
          : null;
      if (!service) fields.serviceId = 'Choose a service from the directory';
      else if (!service.active) fields.serviceId = 'This service is not taking referrals now';
      else if (
        !person.consentToShare &&
        (await providerHasPartners(db, service.providerId, person.neighbourhoodId))
      ) {
        // The provider's own staff would read the referral: that is sharing, so it needs consent.
        fields.serviceId =
          `${person.givenName} ${person.familyName} has not consented to share with partners, ` +
          `and ${service.providerName}'s staff would see this referral. ` +
          'Record their consent first, or choose another service.';
      }
      const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
      if (!reason) fields.reason = 'Enter the reason for the referral';
      else if (reason.length > REASON_MAX) {
        fields.reason = `The reason must be ${REASON_MAX} characters or fewer`;
      }
      // Not checked against the projected goals: those lag the document by a few seconds, so
      // a goal added just now would be refused. The plan shows an unknown goal as unlinked.
      const goalId =
        input.goalId === undefined || input.goalId === null || input.goalId === ''
          ? null
          : input.goalId;
      if (goalId !== null && (typeof goalId !== 'string' || goalId.length > GOAL_ID_MAX)) {
        fields.goalId = 'Choose one of the plan’s goals, or none';
      }
      if (!isUrgency(input.urgency)) fields.urgency = `Choose an urgency: ${URGENCIES.join(', ')}`;
      if (Object.keys(fields).length > 0) {
        return {
          ok: false,
          status: 400,
          error: 'The referral is not complete. Check the fields marked.',
          fields,
        };
      }
      const added = await insertReferral(db, {
        personId: person.id,
        planId: person.planId,
        serviceId: service!.id,
        reason,
        goalId: goalId as string | null,
        urgency: input.urgency as string,
        createdBy: user.id,
      });
      if ('open' in added) {
        const { open } = added;
        const message = openReferralClash({
          serviceName: `${service!.name} (${service!.providerName})`,
          personName: `${person.givenName} ${person.familyName}`,
          status: open.status as ReferralStatus,
          createdBy: open.createdById === user.id ? 'You' : open.createdByName,
          createdAt: open.createdAt.toISOString(),
        });
        return { ok: false, status: 409, error: message, fields: { serviceId: message } };
      }
      const { id } = added;
      await recordAudit(db, {
        userId: user.id,
        action: 'referral.create',
        entityType: 'referral',
        entityId: id,
        detail: { planId: person.planId, serviceId: service!.id },
      });
      return { ok: true, id };
    },

    async forPlan(user: User, planId: string): Promise<Outcome<{ referrals: ReferralView[] }>> {
      if (user.role === 'admin') return ADMIN;
      const person = await planFor(user, planId);
      if (!person) return NO_PLAN;
      const rows = await listReferrals(db, { planId: person.planId });
      return { ok: true, referrals: rows.map(referralView).filter((r) => visibleTo(user, r)) };
    },

    /**
     * A partner's: referrals to their organisation of people they may see, and which provider
     * in the directory that is (null when their account is not linked to one yet); a team
     * member's: their neighbourhoods'.
     */
    async mine(
      user: User,
    ): Promise<
      Outcome<{ referrals: ReferralView[]; provider: { id: string; name: string } | null }>
    > {
      if (user.role === 'admin') return ADMIN;
      if (isPartner(user)) {
        const provider = user.providerId ? await findProvider(db, user.providerId) : null;
        if (!provider) return { ok: true, referrals: [], provider: null };
        const rows = await listReferrals(db, { providerId: provider.id });
        // Only people they may see: in their teams, and consenting to share.
        const seen = rows.filter((row) => canSeePerson(user.role, planContextFor(user, row)));
        return {
          ok: true,
          referrals: seen.map(referralView),
          provider: { id: provider.id, name: provider.name },
        };
      }
      const rows = await listReferrals(db, {
        neighbourhoodIds: user.neighbourhoods.map((n) => n.id),
      });
      return { ok: true, referrals: rows.map(referralView), provider: null };
    },

    async setStatus(
      user: User,
      referralId: string,
      input: { status?: unknown; note?: unknown },
    ): Promise<Outcome<{ referral: ReferralView }>> {
      if (user.role === 'admin') return ADMIN;
      if (!isUuid(referralId)) return NO_REFERRAL;
      const current = await one(referralId);
      if (!current) return NO_REFERRAL;
      const person = await planFor(user, current.planId);
      if (!person) return NO_REFERRAL;
      const withdrawing = input.status === WITHDRAWN;
      if (isPartner(user)) {
        if (!visibleTo(user, current)) return NOT_YOURS;
        if (withdrawing) return TEAMS_TO_WITHDRAW;
      } else if (!mayWritePlan(user, person)) {
        return MAY_NOT_REFER;
      } else if (current.updatedBy === 'provider' && !withdrawing) {
        // A provider whose staff sign in to the person's team answers for itself: the team records
        // nothing on its behalf, not even a move it was told of, so the two cannot contradict each
        // other. The team records the moves only while no such staff can see the referral (none
        // in the team, or the person has not consented, or has since withdrawn consent).
        // Withdrawing is the team's own move, so it is always theirs to make.
        return PROVIDERS_OWN(current.provider.name);
      }
      const note = input.note === undefined || input.note === null ? '' : input.note;
      const fields: Record<string, string> = {};
      if (!isReferralStatus(input.status)) {
        fields.status =
          'Choose a status: sent, accepted, declined, in-progress, completed or withdrawn';
      }
      if (typeof note !== 'string') fields.note = 'The note must be text';
      else if (note.length > NOTE_MAX)
        fields.note = `The note must be ${NOTE_MAX} characters or fewer`;
      if (Object.keys(fields).length > 0) {
        return { ok: false, status: 400, error: 'Check the fields marked.', fields };
      }
      const to = input.status as ReferralStatus;
      const step = nextReferralStatus(current.status as ReferralStatus, to);
      if (!step.ok) return clash(user, current, to);
      // After the clash: that the referral has moved on matters more than a missing reason.
      const noteProblem = referralNoteProblem(to, note as string);
      if (noteProblem) {
        return { ok: false, status: 400, error: noteProblem, fields: { note: noteProblem } };
      }
      const moved = await moveReferral(db, {
        id: referralId,
        from: current.status,
        to,
        note: (note as string).trim() || null,
        by: user.id,
      });
      // Someone else moved it between our read and our write: say who, and where it is now.
      if (!moved) {
        const now = await one(referralId);
        return now ? clash(user, now, to) : NO_REFERRAL;
      }
      await recordAudit(db, {
        userId: user.id,
        action: 'referral.status',
        entityType: 'referral',
        entityId: referralId,
        detail: { from: current.status, to },
      });
      return { ok: true, referral: (await one(referralId))! };
    },
  };
}

export type ReferralsService = ReturnType<typeof createReferralsService>;

import { formatDateTime } from '../calendar.js';

/**
 * A referral's workflow: sent → accepted | declined; accepted → in progress → completed. The
 * referring team may withdraw it at any point before it ends (the person changed their mind,
 * or it went to the wrong service).
 */
export const REFERRAL_STATUSES = [
  'sent',
  'accepted',
  'declined',
  'in-progress',
  'completed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = {
  sent: 'sent',
  accepted: 'accepted',
  declined: 'declined',
  'in-progress': 'in progress',
  completed: 'completed',
  withdrawn: 'withdrawn',
};

/**
 * The provider's moves from each status; declined, completed and withdrawn are the end. The
 * team's withdrawal is not among them: only the team makes it (`WITHDRAWN`).
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  sent: ['accepted', 'declined'],
  accepted: ['in-progress'],
  declined: [],
  'in-progress': ['completed'],
  completed: [],
  withdrawn: [],
};

/** The move only the referring team makes, from any open status. */
export const WITHDRAWN = 'withdrawn' satisfies ReferralStatus;

/** Whether the provider still has the referral in hand: it has not ended. */
export function isOpenReferral(status: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[status].length > 0;
}

/**
 * Why a second referral to a service is refused while one is open: two people in a meeting
 * pressing "Send referral" together must not make the provider take the person on twice.
 */
export function openReferralClash(open: {
  serviceName: string;
  personName: string;
  status: ReferralStatus;
  createdBy: string;
  createdAt: string;
}): string {
  return (
    `${open.createdBy} referred ${open.personName} to ${open.serviceName} on ` +
    `${formatDateTime(open.createdAt)}, and that referral is still ` +
    `${REFERRAL_STATUS_LABELS[open.status]}. Follow it up rather than sending another.`
  );
}

export function isReferralStatus(value: unknown): value is ReferralStatus {
  return (REFERRAL_STATUSES as readonly unknown[]).includes(value);
}

/** Whether a referral may move from one status to another, and if not, why. */
export function nextReferralStatus(
  from: ReferralStatus,
  to: ReferralStatus,
): { ok: true; status: ReferralStatus } | { ok: false; error: string } {
  const allowed = to === WITHDRAWN ? isOpenReferral(from) : REFERRAL_TRANSITIONS[from].includes(to);
  if (allowed) return { ok: true, status: to };
  return {
    ok: false,
    error: `A referral that is ${REFERRAL_STATUS_LABELS[from]} cannot move to ${REFERRAL_STATUS_LABELS[to]}. ${whereNext(from)}`,
  };
}

/** Where a referral can go from here, as a sentence. */
function whereNext(from: ReferralStatus): string {
  const allowed = REFERRAL_TRANSITIONS[from].map((s) => REFERRAL_STATUS_LABELS[s]);
  return allowed.length === 0 ? 'It is finished.' : `It can move to ${allowed.join(' or ')}.`;
}

/**
 * What is wrong with the note for a move, or null. A decline says why: the team reads it to
 * decide what to offer the person instead, and a bare "declined" leaves them to ring and ask.
 * A withdrawal says why too: the provider may already have the person booked in.
 */
export function referralNoteProblem(to: ReferralStatus, note: string): string | null {
  if (note.trim() !== '') return null;
  if (to === 'declined') {
    return 'Say why the referral is declined, so the team can plan what to offer instead';
  }
  if (to === WITHDRAWN) {
    return 'Say why the referral is withdrawn, so the provider knows not to expect the person';
  }
  return null;
}

/** Where a referral is now, and who put it there (`you` when it was the reader) and when. */
export interface ReferralNow {
  status: ReferralStatus;
  /** Null when the history does not say (it always should). */
  movedBy: { name: string; you: boolean; at: string } | null;
}

/**
 * Why a move to `to` is refused now that the referral is where it is: who moved it there and
 * when, then where it can go from there. Someone who pressed a button on a page opened earlier
 * learns what happened meanwhile, not only that the workflow forbids it.
 */
export function refusedMove(now: ReferralNow, to: ReferralStatus): string {
  const step = nextReferralStatus(now.status, to);
  // Two people giving the same answer at once: the second needs only to know it is done.
  const reason =
    now.status === to
      ? `It is already ${REFERRAL_STATUS_LABELS[to]}. ${whereNext(to)}`
      : step.ok
        ? 'Check it and try again.'
        : step.error;
  if (!now.movedBy) return reason;
  const who = now.movedBy.you ? 'You' : now.movedBy.name;
  const what =
    now.status === 'sent'
      ? 'sent this referral'
      : now.status === WITHDRAWN
        ? 'withdrew this referral'
        : `marked this referral as ${REFERRAL_STATUS_LABELS[now.status]}`;
  return `${who} ${what} on ${formatDateTime(now.movedBy.at)}. ${reason}`;
}

/** The kinds of service in the provider directory. */
export const SERVICE_KINDS = [
  'peer-group',
  'volunteering',
  'debt-advice',
  'housing-advice',
  'clinical-support',
  'physiotherapy',
  'medicine-review',
  'care-navigation',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_LABELS: Readonly<Record<ServiceKind, string>> = {
  'peer-group': 'Peer group',
  volunteering: 'Volunteering',
  'debt-advice': 'Debt advice',
  'housing-advice': 'Housing advice',
  'clinical-support': 'Clinical support',
  physiotherapy: 'Direct-access physiotherapy',
  'medicine-review': 'Pharmacist medicine review',
  'care-navigation': 'Care navigation',
};

export function isServiceKind(value: unknown): value is ServiceKind {
  return (SERVICE_KINDS as readonly unknown[]).includes(value);
}

/** How soon the person should be seen. */
export const URGENCIES = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export function isUrgency(value: unknown): value is Urgency {
  return (URGENCIES as readonly unknown[]).includes(value);
}

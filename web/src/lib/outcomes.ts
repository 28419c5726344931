/**
 * The shapes the pages show for wellbeing measures, referrals and the dashboard, as the API gives
 * them, and how their stored codes are put into words.
 */

/** Someone named in a record. */
export interface Named {
  id: string;
  name: string;
}

/** One recorded WEMWBS or SWEMWBS response. */
export interface MeasureView {
  id: string;
  instrument: string;
  items: (number | null)[];
  raw: number | null;
  score: number | null;
  complete: boolean;
  incompleteReason: string | null;
  takenAt: string;
  recordedBy: Named;
}

/** How the latest complete score compares with the baseline. */
export interface ChangeView {
  instrument: string;
  baselineScore: number;
  latestScore: number;
  change: number;
  meaning: string;
  text: string;
  /** How a WEMWBS was read to compare it with a SWEMWBS; null for the same questionnaire. */
  note: string | null;
}

/** A person's measures with their baseline, follow-up and change (`GET /api/people/:id/measures`). */
export interface MeasuresView {
  measures: MeasureView[];
  baseline: { id: string; takenAt: string } | null;
  followUpDue: string | null;
  followUpStatus: string;
  change: ChangeView | null;
}

/** One step in a referral's history. */
export interface ReferralEventView {
  status: string;
  note: string | null;
  by: Named;
  at: string;
}

/** A referral from a plan to a provider's service. */
export interface ReferralView {
  id: string;
  service: { id: string; name: string; kind: string };
  provider: { id: string; name: string };
  reason: string;
  goalId: string | null;
  urgency: string;
  status: string;
  /** Who records how it is going: the provider's own staff in Careweave, or the care team. */
  updatedBy: 'provider' | 'team';
  createdBy: Named;
  createdAt: string;
  events: ReferralEventView[];
  personName?: string;
  planId?: string;
}

/** A referral's status form as it comes back: the note kept, and what is wrong with it. */
export interface ReferralStatusAnswer {
  id: string;
  note: string;
  problem: string | null;
  noteProblem: string | null;
  moved: string | null;
}

/** A service a provider offers. */
export interface ServiceView {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  active: boolean;
}

/** A provider organisation in the directory. */
export interface ProviderView {
  id: string;
  name: string;
  description: string | null;
  services: ServiceView[];
}

/** What a meaning code says, in words, and the tag colour beside it (the words carry it). */
export const MEANINGS: Record<string, { label: string; tag: string }> = {
  'meaningful-improvement': { label: 'Meaningful improvement', tag: 'tag-green' },
  'possible-improvement': { label: 'Possible improvement', tag: 'tag-blue' },
  'no-change': { label: 'No meaningful change', tag: 'tag-grey' },
  'possible-decline': { label: 'Possible decline', tag: 'tag-yellow' },
  'meaningful-decline': { label: 'Meaningful decline', tag: 'tag-red' },
};

export function meaningLabel(meaning: string): string {
  return MEANINGS[meaning]?.label ?? meaning;
}

/** Referral statuses in words. */
export const STATUS_LABELS: Record<string, string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  'in-progress': 'In progress',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

export const STATUS_TAGS: Record<string, string> = {
  sent: 'tag-blue',
  accepted: 'tag-green',
  declined: 'tag-red',
  'in-progress': 'tag-yellow',
  completed: 'tag-grey',
  withdrawn: 'tag-grey',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** The button that moves a referral into each status. */
export const STATUS_VERBS: Record<string, string> = {
  accepted: 'Accept',
  declined: 'Decline',
  'in-progress': 'Start',
  completed: 'Complete',
  withdrawn: 'Withdraw',
};

/** A score as written: SWEMWBS metric scores to two places, WEMWBS whole numbers. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

/** "+3.21", "−1.00", "0". */
export function formatChange(change: number): string {
  const text = formatScore(Math.abs(change));
  if (change > 0) return `+${text}`;
  if (change < 0) return `−${text}`;
  return text;
}

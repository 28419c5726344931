import {
  CHANGE_MEANINGS,
  GOAL_CATEGORIES,
  GOAL_STATUSES,
  isReferralStatus,
  isUuid,
  PATHWAYS,
  type ChangeMeaning,
  type GoalCategory,
  type GoalStatus,
  type Pathway,
} from '@careweave/shared';
import { longDate } from '../calendar.js';
import type { Caseload } from './caseload.js';

/** One row behind a dashboard figure. */
export interface DashboardRow {
  personId: string;
  personName: string;
  planId: string;
  detail: string;
  /** The goal or action the row is about, for a link to it in the plan; null for a person. */
  itemId: string | null;
}

type Named = { personId: string; givenName: string; familyName: string; planId: string };

const row = (p: Named, detail: string, itemId: string | null = null): DashboardRow => ({
  personId: p.personId,
  personName: `${p.givenName} ${p.familyName}`,
  planId: p.planId,
  detail,
  itemId,
});

type OverdueAction = Caseload['overdueActions'][number];

/** Whose an overdue action is on the dashboard: null when its owner may not see the plan. */
export function ownerOf(action: OverdueAction): string | null {
  return action.ownerSeesPlan ? action.ownerId : null;
}

function overdueDetail(a: OverdueAction): string {
  const due = `${a.text} (due ${longDate(a.dueDate!)})`;
  if (!a.ownerId || a.ownerSeesPlan) return due;
  const given = a.ownerName ?? 'a former team member';
  return `${due}: given to ${given}, who cannot see this plan`;
}

/** The rows behind `figure` for `key`, or null when there is no such figure or key. */
export function listBehind(c: Caseload, figure: string, key: string): DashboardRow[] | null {
  const people = c.people.map((p) => ({ ...p, personId: p.id }));
  const byStatus = (status: string, detail: (due: string) => string) =>
    people.flatMap((p) => {
      const s = c.summaries.get(p.id)!;
      return s.followUpStatus === status ? [row(p, detail(s.followUpDue ?? ''))] : [];
    });

  switch (figure) {
    case 'pathway':
      if (!PATHWAYS.includes(key as Pathway)) return null;
      return people.filter((p) => p.pathway === key).map((p) => row(p, `${key} pathway`));
    case 'baseline-missing':
      return byStatus('baseline-missing', () => 'No baseline wellbeing measure');
    case 'follow-up-due':
      return byStatus('due', (due) => `Follow-up due ${longDate(due)}`);
    case 'follow-up-overdue':
      return byStatus('overdue', (due) => `Follow-up was due ${longDate(due)}`);
    case 'overdue-actions': {
      // The unowned are listed under the key "none", as the figure shows them under "No owner".
      const owner = key === 'none' || key === '' ? null : key;
      if (owner !== null && !isUuid(owner)) return null;
      return c.overdueActions
        .filter((a) => ownerOf(a) === owner)
        .map((a) => row(a, overdueDetail(a), a.actionId));
    }
    case 'goals': {
      const [category, status] = key.split(':');
      if (!GOAL_CATEGORIES.includes(category as GoalCategory)) return null;
      if (!GOAL_STATUSES.includes(status as GoalStatus)) return null;
      return c.goals
        .filter((g) => g.category === category && g.status === status)
        .map((g) => row(g, g.text, g.goalId));
    }
    case 'wellbeing':
      if (!CHANGE_MEANINGS.includes(key as ChangeMeaning)) return null;
      return people.flatMap((p) => {
        const change = c.summaries.get(p.id)!.change;
        return change?.meaning === key ? [row(p, `${change.instrument}: ${change.text}`)] : [];
      });
    case 'referrals': {
      const [serviceId, status] = key.split(':');
      if (!serviceId || !isUuid(serviceId) || !isReferralStatus(status)) return null;
      return c.referrals
        .filter((r) => r.service.id === serviceId && r.status === status)
        .map(({ personId, personName, planId, service, reason }) => ({
          personId,
          personName,
          planId,
          detail: `${service.name}: ${reason}`,
          itemId: null,
        }));
    }
    default:
      return null;
  }
}

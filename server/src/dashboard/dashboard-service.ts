import type { Db } from '@careweave/db';
import { PATHWAYS, type ChangeMeaning } from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import type { User } from '../repo/users.js';
import { readCaseload, type Caseload } from './caseload.js';
import { changeBands, type ChangeBand } from './change-bands.js';
import { listBehind, ownerOf, type DashboardRow } from './dashboard-list.js';

/** `GET /api/dashboard`: the neighbourhood's figures */
export interface DashboardFigures {
  caseloadByPathway: Record<string, number>;
  measures: { baselineMissing: number; followUpDue: number; followUpOverdue: number };
  overdueActionsByOwner: { ownerId: string | null; name: string; count: number }[];
  goalsByCategoryStatus: { category: string; status: string; count: number }[];
  wellbeingChange: {
    people: number;
    meaningfulImprovement: number;
    possibleImprovement: number;
    noChange: number;
    possibleDecline: number;
    meaningfulDecline: number;
    /** How many people's scores moved by each whole-point band, per instrument. */
    distribution: ChangeBand[];
  };
  /** `provider` names whose service it is: two providers may offer services of one name. */
  referralsByServiceStatus: {
    serviceId: string;
    service: string;
    provider: string;
    status: string;
    count: number;
  }[];
}

const NOT_TEAM = {
  ok: false,
  status: 403,
  error: 'The neighbourhood dashboard is for members of a neighbourhood’s care team.',
} as const;

const MEANING_KEYS: Record<
  ChangeMeaning,
  keyof Omit<DashboardFigures['wellbeingChange'], 'people' | 'distribution'>
> = {
  'meaningful-improvement': 'meaningfulImprovement',
  'possible-improvement': 'possibleImprovement',
  'no-change': 'noChange',
  'possible-decline': 'possibleDecline',
  'meaningful-decline': 'meaningfulDecline',
};

/** Counts rows by a key; the first row of each key is kept for its labels. */
function countBy<T>(rows: T[], key: (row: T) => string): { first: T; count: number }[] {
  const counts = new Map<string, { first: T; count: number }>();
  for (const row of rows) {
    const entry = counts.get(key(row));
    if (entry) entry.count += 1;
    else counts.set(key(row), { first: row, count: 1 });
  }
  return [...counts.values()];
}

function figuresOf(c: Caseload): DashboardFigures {
  const summaries = [...c.summaries.values()];
  const changes = summaries.flatMap((s) => (s.change ? [s.change] : []));
  const wellbeing = {
    people: changes.length,
    meaningfulImprovement: 0,
    possibleImprovement: 0,
    noChange: 0,
    possibleDecline: 0,
    meaningfulDecline: 0,
  };
  for (const change of changes) wellbeing[MEANING_KEYS[change.meaning]] += 1;
  const status = (s: string) => summaries.filter((m) => m.followUpStatus === s).length;
  return {
    caseloadByPathway: Object.fromEntries(
      PATHWAYS.map((p) => [p, c.people.filter((person) => person.pathway === p).length]),
    ),
    measures: {
      baselineMissing: status('baseline-missing'),
      followUpDue: status('due'),
      followUpOverdue: status('overdue'),
    },
    overdueActionsByOwner: countBy(c.overdueActions, (a) => ownerOf(a) ?? '')
      .map(({ first, count }) => ({
        ownerId: ownerOf(first),
        name: ownerOf(first) ? first.ownerName! : 'No owner',
        count,
      }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    goalsByCategoryStatus: countBy(c.goals, (g) => `${g.category}:${g.status}`)
      .map(({ first, count }) => ({ category: first.category, status: first.status, count }))
      .sort((a, b) => a.category.localeCompare(b.category) || a.status.localeCompare(b.status)),
    wellbeingChange: {
      ...wellbeing,
      distribution: changeBands(changes),
    },
    referralsByServiceStatus: countBy(c.referrals, (r) => `${r.service.id}:${r.status}`)
      .map(({ first, count }) => ({
        serviceId: first.service.id,
        service: first.service.name,
        provider: first.provider.name,
        status: first.status,
        count,
      }))
      .sort(
        (a, b) =>
          a.service.localeCompare(b.service) ||
          a.provider.localeCompare(b.provider) ||
          a.status.localeCompare(b.status),
      ),
  };
}

/** The neighbourhood dashboard: figures, and the people behind each. */
export function createDashboardService(db: Db) {
  const mayView = (user: User) =>
    user.role !== 'voluntary_partner' && user.role !== 'admin' && user.neighbourhoods.length > 0;

  return {
    async figures(user: User): Promise<Outcome<{ figures: DashboardFigures }>> {
      if (!mayView(user)) return NOT_TEAM;
      return { ok: true, figures: figuresOf(await readCaseload(db, user)) };
    },

    /** The people, actions or referrals behind one figure (`figure` and `key` as the links give). */
    async list(
      user: User,
      figure: string,
      key: string,
    ): Promise<Outcome<{ rows: DashboardRow[] }>> {
      if (!mayView(user)) return NOT_TEAM;
      const rows = listBehind(await readCaseload(db, user), figure, key);
      if (!rows) {
        return {
          ok: false,
          status: 400,
          error: `There is no dashboard figure "${figure}" with the key "${key}".`,
        };
      }
      return { ok: true, rows };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;

import type { Db } from '@careweave/db';
import { canSeePerson, isRole, todayIso } from '@careweave/shared';
import { summariseMeasures, type MeasureSummary } from '../measures/measure-summary.js';
import { goalsIn, overdueActionsIn } from '../repo/dashboard.js';
import { listMeasuresOf } from '../repo/measures.js';
import { listPeopleIn } from '../repo/people.js';
import { listReferrals } from '../repo/referrals.js';
import { referralView } from '../referrals/referral-views.js';
import type { User } from '../repo/users.js';

/** Everything the dashboard counts, for the caller's neighbourhoods, read at one moment. */
export async function readCaseload(db: Db, user: User) {
  const ids = user.neighbourhoods.map((n) => n.id);
  const today = todayIso();
  const people = await listPeopleIn(db, ids);
  const measures = await listMeasuresOf(
    db,
    people.map((p) => p.id),
  );
  const byPerson = new Map<string, typeof measures>();
  for (const m of measures) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
  const summaries = new Map<string, MeasureSummary>(
    people.map((p) => [p.id, summariseMeasures(byPerson.get(p.id) ?? [], today)]),
  );
  return {
    today,
    people,
    summaries,
    overdueActions: (await overdueActionsIn(db, ids, today)).map(
      ({ ownerRole, ownerInTeam, consentToShare, ...action }) => ({
        ...action,
        // My actions never shows them an action on a plan they may not see, so it is nobody's.
        ownerSeesPlan:
          ownerRole !== null &&
          isRole(ownerRole) &&
          canSeePerson(ownerRole, { inTeam: ownerInTeam, consentToShare }),
      }),
    ),
    goals: await goalsIn(db, ids),
    referrals: (await listReferrals(db, { neighbourhoodIds: ids })).map(referralView),
  };
}

export type Caseload = Awaited<ReturnType<typeof readCaseload>>;

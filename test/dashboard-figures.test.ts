import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addGoal,
  isOverdue,
  readActions,
  readGoals,
  sharedPlanDocument,
} from '@careweave/shared';
import { getJson, me, type Me } from './support/api.js';
import { connect, destroy, get, listPeople, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addDays,
  addMonths,
  addPerson,
  makeReferral,
  measuresOf,
  providers,
  recordMeasure,
  same,
  serviceOf,
  setReferralStatus,
  TAME_VALLEY,
  TODAY,
  type Dashboard,
  type DashboardListRow,
  type Referral,
} from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

// The dashboard is checked against counts this file works out itself, from the records the
// GP lead (a team member of the one demo neighbourhood) can read directly:
//   caseloadByPathway      ← GET /api/people, counted by `pathway`
//   measures.*             ← each person's GET /api/people/:id/measures `followUpStatus`
//                            ('baseline-missing', 'due', 'overdue')
//   wellbeingChange.*      ← each person's GET measures `change.meaning` (people = those with one)
//   referralsByServiceStatus ← GET /api/referrals (the neighbourhood's), by service and status
//   goalsByCategoryStatus  ← every plan's shared Yjs document, read over /collab: readGoals
//   overdueActionsByOwner  ← the same documents: readActions, isOverdue(today), by owner
// It does so twice: on the seed alone, then after adding people, measures, goals, actions and
// referrals of its own, whose effect on each figure it also states exactly.

const MEANINGS = {
  'meaningful-improvement': 'meaningfulImprovement',
  'possible-improvement': 'possibleImprovement',
  'no-change': 'noChange',
  'possible-decline': 'possibleDecline',
  'meaningful-decline': 'meaningfulDecline',
} as const;

interface Expected {
  caseloadByPathway: Record<string, number>;
  measures: Dashboard['measures'];
  overdueActionsByOwner: { ownerId: string; count: number }[];
  goalsByCategoryStatus: { category: string; status: string; count: number }[];
  wellbeingChange: Omit<Dashboard['wellbeingChange'], 'distribution'>;
  referralsByServiceStatus: { serviceId: string; service: string; status: string; count: number }[];
  /** Who is behind each figure, for the list endpoint. */
  peopleByPathway: Record<string, string[]>;
  peopleByMeaning: Record<string, string[]>;
}

function tally<T>(rows: T[], key: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

const byKey = <T>(rows: T[], key: (row: T) => string) =>
  [...rows].sort((a, b) => key(a).localeCompare(key(b)));

/** A copy of a plan's shared document as the server holds it now, read as `cookie`. */
async function sharedDoc(server: TestServer, cookie: string, planId: string): Promise<Y.Doc> {
  const provider = connect(server.wsUrl, sharedPlanDocument(planId), cookie);
  try {
    await synced(provider);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(provider.doc));
    return copy;
  } finally {
    destroy(provider);
  }
}

async function expectedFigures(server: TestServer, cookie: string): Promise<Expected> {
  const people = await listPeople(server.url, cookie);
  const peopleByPathway: Record<string, string[]> = { Prevention: [], Recovery: [] };
  for (const p of people) (peopleByPathway[p.pathway] ??= []).push(p.id);
  const caseloadByPathway = Object.fromEntries(
    Object.entries(peopleByPathway).map(([k, ids]) => [k, ids.length]),
  );

  const measures = { baselineMissing: 0, followUpDue: 0, followUpOverdue: 0 };
  const wellbeingChange = {
    people: 0,
    meaningfulImprovement: 0,
    possibleImprovement: 0,
    noChange: 0,
    possibleDecline: 0,
    meaningfulDecline: 0,
  };
  const peopleByMeaning: Record<string, string[]> = {};
  const goals: { category: string; status: string }[] = [];
  const overdue: string[] = [];
  for (const person of people) {
    const answer = await measuresOf(server.url, cookie, person.id);
    if (answer.followUpStatus === 'baseline-missing') measures.baselineMissing += 1;
    if (answer.followUpStatus === 'due') measures.followUpDue += 1;
    if (answer.followUpStatus === 'overdue') measures.followUpOverdue += 1;
    if (answer.change) {
      wellbeingChange.people += 1;
      wellbeingChange[MEANINGS[answer.change.meaning]] += 1;
      (peopleByMeaning[answer.change.meaning] ??= []).push(person.id);
    }
    const doc = await sharedDoc(server, cookie, person.planId);
    goals.push(...readGoals(doc).map((g) => ({ category: g.category, status: g.status })));
    for (const a of readActions(doc)) if (a.ownerId && isOverdue(a, TODAY)) overdue.push(a.ownerId);
  }

  const referrals = await getJson<Referral[]>(server.url, '/api/referrals', cookie);
  const serviceNames = new Map(referrals.map((r) => [r.service.id, r.service.name]));
  const referralCounts = tally(referrals, (r) => `${r.service.id}|${r.status}`);

  return {
    caseloadByPathway,
    measures,
    wellbeingChange,
    overdueActionsByOwner: [...tally(overdue, (id) => id)].map(([ownerId, count]) => ({
      ownerId,
      count,
    })),
    goalsByCategoryStatus: [...tally(goals, (g) => `${g.category}|${g.status}`)].map(
      ([key, count]) => {
        const [category, status] = key.split('|') as [string, string];
        return { category, status, count };
      },
    ),
    referralsByServiceStatus: [...referralCounts].map(([key, count]) => {
      const [serviceId, status] = key.split('|') as [string, string];
      return { serviceId, service: serviceNames.get(serviceId)!, status, count };
    }),
    peopleByPathway,
    peopleByMeaning,
  };
}

/** The parts of the dashboard that must equal `expected`, in a comparable order. */
function comparable(d: Dashboard) {
  return {
    caseloadByPathway: d.caseloadByPathway,
    measures: d.measures,
    wellbeingChange: {
      people: d.wellbeingChange.people,
      meaningfulImprovement: d.wellbeingChange.meaningfulImprovement,
      possibleImprovement: d.wellbeingChange.possibleImprovement,
      noChange: d.wellbeingChange.noChange,
      possibleDecline: d.wellbeingChange.possibleDecline,
      meaningfulDecline: d.wellbeingChange.meaningfulDecline,
    },
    // Unowned overdue actions have no owner to list them under; they are not compared.
    overdueActionsByOwner: byKey(
      d.overdueActionsByOwner
        .filter((o) => o.ownerId !== null)
        .map(({ ownerId, count }) => ({ ownerId: ownerId!, count })),
      (o) => o.ownerId,
    ),
    goalsByCategoryStatus: byKey(
      d.goalsByCategoryStatus
        .filter((g) => g.count > 0)
        .map(({ category, status, count }) => ({ category, status, count })),
      (g) => `${g.category}|${g.status}`,
    ),
    referralsByServiceStatus: byKey(
      d.referralsByServiceStatus
        .filter((r) => r.count > 0)
        .map(({ serviceId, service, status, count }) => ({ serviceId, service, status, count })),
      (r) => `${r.serviceId}|${r.status}`,
    ),
  };
}

function comparableExpected(e: Expected) {
  return {
    caseloadByPathway: e.caseloadByPathway,
    measures: e.measures,
    wellbeingChange: e.wellbeingChange,
    overdueActionsByOwner: byKey(e.overdueActionsByOwner, (o) => o.ownerId),
    goalsByCategoryStatus: byKey(e.goalsByCategoryStatus, (g) => `${g.category}|${g.status}`),
    referralsByServiceStatus: byKey(
      e.referralsByServiceStatus,
      (r) => `${r.serviceId}|${r.status}`,
    ),
  };
}

/**
 * Polls the dashboard until it equals the expected figures (the plan projection is throttled),
 * then asserts the equality so a mismatch is shown field by field.
 */
async function expectDashboardToEqual(server: TestServer, cookie: string, expected: Expected) {
  const want = comparableExpected(expected);
  let last: Dashboard | undefined;
  try {
    await waitFor(
      async () => {
        last = await getJson<Dashboard>(server.url, '/api/dashboard', cookie);
        return JSON.stringify(comparable(last)) === JSON.stringify(want);
      },
      'the dashboard to match the records',
      15_000,
    );
  } catch {
    // Fall through to the assertion, which says what differs.
  }
  expect(comparable(last!)).toEqual(want);
  // The distribution accounts for everyone with a change, no more.
  const distributed = last!.wellbeingChange.distribution.reduce((n, d) => n + d.count, 0);
  expect(distributed).toBe(expected.wellbeingChange.people);
  // Each band of change says what its changes mean, and agrees with the count of that meaning.
  for (const [meaning, key] of Object.entries(MEANINGS)) {
    const banded = last!.wellbeingChange.distribution
      .filter((d) => d.meaning === meaning)
      .reduce((n, d) => n + d.count, 0);
    expect(banded, meaning).toBe(expected.wellbeingChange[key]);
  }
  return last!;
}

describe(`the neighbourhood dashboard against the records (${databaseBackend})`, () => {
  let server: TestServer;
  let gpCookie: string;
  let navCookie: string;
  let nurse: Me;
  let seedOnly: Expected;

  beforeAll(async () => {
    server = await startServer();
    gpCookie = await login(server.url, 'gp@demo.test');
    navCookie = await login(server.url, 'navigator@demo.test');
    nurse = await me(server.url, await login(server.url, 'nurse@demo.test'));
  });

  it('equals the counts of the seeded records', async () => {
    seedOnly = await expectedFigures(server, gpCookie);
    // The demo seed has some baselines due or overdue, someone with none, a sent referral.
    expect(seedOnly.measures.baselineMissing).toBeGreaterThan(0);
    expect(seedOnly.measures.followUpDue + seedOnly.measures.followUpOverdue).toBeGreaterThan(0);
    expect(seedOnly.referralsByServiceStatus.length).toBeGreaterThan(0);
    expect(seedOnly.goalsByCategoryStatus.length).toBeGreaterThan(0);
    expect(seedOnly.wellbeingChange.people).toBeGreaterThan(0);
    await expectDashboardToEqual(server, gpCookie, seedOnly);
  });

  it('moves by exactly the records added, and still equals the recount', async () => {
    // Four new people, each to land in one figure:
    //   overdue  (Prevention): SWEMWBS baseline 5 months ago → due 2 months ago → overdue
    //   due      (Recovery):   baseline 3 months less 7 days ago → due in 7 days → due
    //   missing  (Prevention): no measure at all → baseline missing
    //   improved (Recovery):   baseline 6 months ago, follow-up 1 month ago, 19.25 → 25.03
    //                          → done, and one more meaningful improvement
    const overdue = await addPerson(server.url, navCookie, 'Prevention');
    const due = await addPerson(server.url, navCookie, 'Recovery');
    const missing = await addPerson(server.url, navCookie, 'Prevention');
    // Consenting to share, since a partner will take one of their referrals.
    const improved = await addPerson(server.url, navCookie, 'Recovery', { consent: true });
    await recordMeasure(server.url, navCookie, overdue.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: addMonths(TODAY, -5),
    });
    await recordMeasure(server.url, navCookie, due.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: addDays(addMonths(TODAY, -3), 7),
    });
    await recordMeasure(server.url, navCookie, improved.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: addMonths(TODAY, -6),
    });
    await recordMeasure(server.url, navCookie, improved.id, {
      instrument: 'SWEMWBS',
      items: same(7, 4),
      takenAt: addMonths(TODAY, -1),
    });
    expect((await measuresOf(server.url, navCookie, overdue.id)).followUpStatus).toBe('overdue');
    expect((await measuresOf(server.url, navCookie, due.id)).followUpStatus).toBe('due');
    expect((await measuresOf(server.url, navCookie, improved.id)).change?.meaning).toBe(
      'meaningful-improvement',
    );

    // On the overdue person's plan: two goals (physical-health/active, finances/achieved),
    // two overdue actions for the nurse, one not yet due and one past due but done.
    const navigator = await me(server.url, navCookie);
    const editor = connect(server.wsUrl, sharedPlanDocument(overdue.planId), navCookie);
    await synced(editor);
    const doc = editor.doc;
    addGoal(
      doc,
      { text: 'Join the walking group', horizon: 'month', category: 'physical-health' },
      navigator.id,
    );
    addGoal(
      doc,
      {
        text: 'Sort the council letters',
        horizon: 'week',
        category: 'finances',
        status: 'achieved',
      },
      navigator.id,
    );
    addAction(
      doc,
      { text: 'Book a foot check', ownerId: nurse.id, dueDate: '2024-01-15' },
      navigator.id,
    );
    addAction(
      doc,
      { text: 'Phone about the inhaler', ownerId: nurse.id, dueDate: '2023-05-01' },
      navigator.id,
    );
    addAction(
      doc,
      { text: 'Review in spring', ownerId: nurse.id, dueDate: '2099-01-01' },
      navigator.id,
    );
    addAction(
      doc,
      { text: 'Already done', ownerId: nurse.id, dueDate: '2022-01-01', status: 'done' },
      navigator.id,
    );

    // The server has them: the GP's own copy of the document shows them.
    await waitFor(async () => {
      const gpDoc = await sharedDoc(server, gpCookie, overdue.planId);
      return readGoals(gpDoc).length === 2 && readActions(gpDoc).length === 4;
    }, 'the goals and actions to reach the server');
    destroy(editor);

    // Referrals from the improved person's plan: one to Tame Valley that the partner accepts,
    // one to another provider left sent.
    const directory = await providers(server.url, navCookie);
    const tameValley = serviceOf(directory, TAME_VALLEY).service;
    const money = serviceOf(directory, 'Heatons Money Advice').service;
    const accepted = await makeReferral(server.url, navCookie, improved.planId, {
      serviceId: tameValley.id,
      reason: 'Company and a weekly walk',
      urgency: 'routine',
    });
    await makeReferral(server.url, navCookie, improved.planId, {
      serviceId: money.id,
      reason: 'Arrears',
      urgency: 'soon',
    });
    const partnerCookie = await login(server.url, 'partner@demo.test');
    expect(
      (await setReferralStatus(server.url, partnerCookie, accepted, { status: 'accepted' })).status,
    ).toBe(200);

    // The recount from the records…
    const now = await expectedFigures(server, gpCookie);
    // …agrees with the seed plus what this test added:
    expect(now.caseloadByPathway).toEqual({
      Prevention: seedOnly.caseloadByPathway.Prevention! + 2,
      Recovery: seedOnly.caseloadByPathway.Recovery! + 2,
    });
    expect(now.measures).toEqual({
      baselineMissing: seedOnly.measures.baselineMissing + 1,
      followUpDue: seedOnly.measures.followUpDue + 1,
      followUpOverdue: seedOnly.measures.followUpOverdue + 1,
    });
    expect(now.wellbeingChange).toEqual({
      ...seedOnly.wellbeingChange,
      people: seedOnly.wellbeingChange.people + 1,
      meaningfulImprovement: seedOnly.wellbeingChange.meaningfulImprovement + 1,
    });
    const countOf = (e: Expected, serviceId: string, status: string) =>
      e.referralsByServiceStatus.find((r) => r.serviceId === serviceId && r.status === status)
        ?.count ?? 0;
    expect(countOf(now, tameValley.id, 'accepted')).toBe(
      countOf(seedOnly, tameValley.id, 'accepted') + 1,
    );
    expect(countOf(now, money.id, 'sent')).toBe(countOf(seedOnly, money.id, 'sent') + 1);
    const nurseOverdue = (e: Expected) =>
      e.overdueActionsByOwner.find((o) => o.ownerId === nurse.id)?.count ?? 0;
    expect(nurseOverdue(now)).toBe(nurseOverdue(seedOnly) + 2);
    const goalCount = (e: Expected, category: string, status: string) =>
      e.goalsByCategoryStatus.find((g) => g.category === category && g.status === status)?.count ??
      0;
    expect(goalCount(now, 'physical-health', 'active')).toBe(
      goalCount(seedOnly, 'physical-health', 'active') + 1,
    );
    expect(goalCount(now, 'finances', 'achieved')).toBe(
      goalCount(seedOnly, 'finances', 'achieved') + 1,
    );

    // …and the dashboard equals the recount.
    const dashboard = await expectDashboardToEqual(server, gpCookie, now);
    expect(dashboard.overdueActionsByOwner.find((o) => o.ownerId === nurse.id)?.name).toBe(
      nurse.name,
    );

    // The lists behind the figures name the same people.
    const list = (figure: string, key: string) =>
      getJson<DashboardListRow[]>(
        server.url,
        `/api/dashboard/list?figure=${figure}&key=${encodeURIComponent(key)}`,
        gpCookie,
      );
    const ids = (rows: DashboardListRow[]) => [...new Set(rows.map((r) => r.personId))].sort();
    expect(ids(await list('pathway', 'Prevention'))).toEqual(
      [...now.peopleByPathway.Prevention!].sort(),
    );
    expect(ids(await list('wellbeing', 'meaningful-improvement'))).toEqual(
      [...now.peopleByMeaning['meaningful-improvement']!].sort(),
    );
    expect(ids(await list('baseline-missing', ''))).toContain(missing.id);
    expect(ids(await list('follow-up-due', ''))).toContain(due.id);
    expect(ids(await list('follow-up-overdue', ''))).toContain(overdue.id);
    const overdueRows = await list('overdue-actions', nurse.id);
    expect(overdueRows.filter((r) => r.personId === overdue.id)).toHaveLength(2);
    // An action's row names the action, for a link to it; a referral's row does not.
    expect(overdueRows.every((r) => typeof r.itemId === 'string' && r.itemId !== '')).toBe(true);
    const referralRows = await list('referrals', `${tameValley.id}:accepted`);
    expect(referralRows.map((r) => r.personId)).toContain(improved.id);
    expect(referralRows).toHaveLength(countOf(now, tameValley.id, 'accepted'));
    expect(referralRows.every((r) => r.itemId === null)).toBe(true);

    // A key no figure has is refused, not listed as nobody under a made-up heading.
    for (const [figure, key] of [
      ['referrals', 'x:y'],
      ['referrals', `${tameValley.id}:lost`],
      ['goals', 'wellbeing:gone'],
      ['goals', 'gardening:achieved'],
      ['overdue-actions', 'someone-made-up'],
      ['pathway', 'Elsewhere'],
    ]) {
      const path = `/api/dashboard/list?figure=${figure}&key=${encodeURIComponent(key!)}`;
      expect((await get(server.url, path, gpCookie)).status, `${figure} ${key}`).toBe(400);
    }
  });

  it('is for team members only: a partner and an admin get 403', async () => {
    for (const email of ['partner@demo.test', 'admin@demo.test']) {
      const cookie = await login(server.url, email);
      expect((await get(server.url, '/api/dashboard', cookie)).status, email).toBe(403);
      expect(
        (await get(server.url, '/api/dashboard/list?figure=pathway&key=Prevention', cookie)).status,
        email,
      ).toBe(403);
    }
    // The control: another team member may.
    expect((await get(server.url, '/api/dashboard', navCookie)).status).toBe(200);
  });
});

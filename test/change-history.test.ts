import { describe, expect, it } from 'vitest';
import {
  addGoal,
  appendParagraphs,
  readGoals,
  sharedPlanDocument,
  SharedPlan,
  updateGoal,
} from '@careweave/shared';
import { changesOf, me, sleep } from './support/api.js';
import { connect, firstPlanId, get, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer } from './support/server.js';

describe(`what changed since… (${databaseBackend})`, () => {
  it('names the navigator who added a goal and the nurse who edited it, and nothing older', async () => {
    const server = await startServer();
    const gpCookie = await login(server.url, 'gp@demo.test');
    const navCookie = await login(server.url, 'navigator@demo.test');
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const [navigator, nurse] = await Promise.all([
      me(server.url, navCookie),
      me(server.url, nurseCookie),
    ]);
    const planId = await firstPlanId(server.url, gpCookie);
    const docName = sharedPlanDocument(planId);

    const nav = connect(server.wsUrl, docName, navCookie);
    const nurseClient = connect(server.wsUrl, docName, nurseCookie);
    await Promise.all([synced(nav), synced(nurseClient)]);

    const older = addGoal(
      nav.doc,
      { text: 'Written before since', horizon: 'week', category: 'other' },
      navigator.id,
    );
    await waitFor(async () => {
      const { changes } = await changesOf(server.url, gpCookie, planId);
      return changes.some((c) => c.itemId === older);
    }, 'the older goal to be logged');
    await sleep(50);
    const since = new Date();
    await sleep(50);

    const goal = addGoal(
      nav.doc,
      { text: 'Walk to the shops', horizon: 'month', category: 'physical-health' },
      navigator.id,
    );
    await waitFor(
      () => readGoals(nurseClient.doc).some((g) => g.id === goal),
      'the nurse to see the goal',
    );
    updateGoal(nurseClient.doc, goal, { text: 'Walk to the shops on my own' });
    appendParagraphs(nurseClient.doc.getXmlFragment(SharedPlan.navigatorNotes), ['Nurse’s note']);

    await waitFor(async () => {
      const { changes } = await changesOf(server.url, gpCookie, planId, since);
      const entry = changes.find((c) => c.itemId === goal);
      return (
        entry?.authors.length === 2 && changes.some((c) => c.section === SharedPlan.navigatorNotes)
      );
    }, 'both authors to be in the history');

    const answer = await changesOf(server.url, gpCookie, planId, since);
    expect(new Date(answer.since).getTime()).toBe(since.getTime());
    const entry = answer.changes.find((c) => c.itemId === goal);
    expect(entry).toMatchObject({
      document: 'shared',
      section: 'goals',
      label: 'Walk to the shops on my own',
      kind: 'added',
      authors: [
        { id: navigator.id, name: navigator.name },
        { id: nurse.id, name: nurse.name },
      ],
    });
    expect(new Date(entry!.lastAt).getTime()).toBeGreaterThanOrEqual(since.getTime());
    expect(answer.changes.find((c) => c.section === SharedPlan.navigatorNotes)).toMatchObject({
      document: 'shared',
      itemId: null,
      kind: 'edited',
      authors: [{ id: nurse.id, name: nurse.name }],
    });
    // Before `since`: not listed, though the default week does list it.
    expect(answer.changes.some((c) => c.itemId === older)).toBe(false);
    const week = await changesOf(server.url, gpCookie, planId);
    expect(week.changes.find((c) => c.itemId === older)?.authors).toEqual([
      { id: navigator.id, name: navigator.name },
    ]);
    // Newest first.
    const times = answer.changes.map((c) => new Date(c.lastAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // A date that is not one is refused, not read as another.
    for (const since of ['2026-02-30', '0', '99999-01-01']) {
      const res = await get(server.url, `/api/plans/${planId}/changes?since=${since}`, gpCookie);
      expect(res.status, since).toBe(400);
    }
  });
});

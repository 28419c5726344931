import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addGoal,
  readActions,
  readGoals,
  recordProgress,
  removeSharedItem,
  SharedPlan,
  sharedPlanDocument,
  updateGoal,
} from '@careweave/shared';
import { me } from './support/api.js';
import { connect, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addPerson } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

describe(`a voluntary partner editing a shared plan (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  let partnerCookie: string;
  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
    partnerCookie = await login(server.url, 'partner@demo.test');
  });

  it('reaches the team with their notes and progress, and with nothing else', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const name = sharedPlanDocument(person.planId);
    const [navigator, partner] = await Promise.all([
      me(server.url, navCookie),
      me(server.url, partnerCookie),
    ]);
    const team = connect(server.wsUrl, name, navCookie);
    await synced(team);
    const goalId = addGoal(
      team.doc,
      { text: 'Go to the Tuesday walking group', horizon: 'month', category: 'wellbeing' },
      navigator.id,
    );
    const actionId = addAction(team.doc, { text: 'Check blood pressure' }, navigator.id);

    const theirs = connect(server.wsUrl, name, partnerCookie);
    await synced(theirs);
    await waitFor(() => readActions(theirs.doc).length === 1, 'the partner to have the plan');
    // What the partner may not do, then what they may: the team keeps only the second.
    removeSharedItem(theirs.doc, 'action', actionId);
    updateGoal(theirs.doc, goalId, { text: 'Something else' });
    recordProgress(theirs.doc, goalId, 6, partner.id);
    theirs.doc
      .getXmlFragment(SharedPlan.partnerNotes)
      .insert(0, [new Y.XmlText('Came to the walk twice')]);

    await waitFor(
      () => team.doc.getXmlFragment(SharedPlan.partnerNotes).toString().includes('walk twice'),
      'the partner’s notes to reach the team',
    );
    const [goal] = readGoals(team.doc);
    expect(goal!.progress.map((p) => p.value)).toEqual([6]);
    expect(goal!.text).toBe('Go to the Tuesday walking group');
    expect(readActions(team.doc).map((a) => a.text)).toEqual(['Check blood pressure']);

    // The partner's own copy has what they may not change put back.
    await waitFor(
      () => readActions(theirs.doc).length === 1,
      'the removed action to come back for the partner',
    );
    // Each of their edits is undone as it arrives, so the goal's may come back a write later.
    await waitFor(
      () => readGoals(theirs.doc)[0]!.text === 'Go to the Tuesday walking group',
      'the goal’s wording to come back for the partner',
    );

    // A newcomer loads the plan as the server holds it, and as it was logged.
    const later = connect(server.wsUrl, name, navCookie);
    await synced(later);
    expect(readActions(later.doc)).toHaveLength(1);
    expect(readGoals(later.doc)[0]!.progress).toHaveLength(1);
  });

  it('cannot take away a colleague’s progress rating', async () => {
    const person = await addPerson(server.url, navCookie, 'Recovery', { consent: true });
    const name = sharedPlanDocument(person.planId);
    const navigator = await me(server.url, navCookie);
    const team = connect(server.wsUrl, name, navCookie);
    await synced(team);
    const goalId = addGoal(
      team.doc,
      { text: 'Cook a meal for my grandson', horizon: 'year', category: 'wellbeing' },
      navigator.id,
    );
    recordProgress(team.doc, goalId, 2, navigator.id);
    recordProgress(team.doc, goalId, 4, navigator.id);

    const theirs = connect(server.wsUrl, name, partnerCookie);
    await synced(theirs);
    await waitFor(
      () => readGoals(theirs.doc)[0]?.progress.length === 2,
      'the partner to have the ratings',
    );
    const goal = theirs.doc.getArray<Y.Map<unknown>>(SharedPlan.goals).get(0);
    (goal.get('progress') as Y.Array<unknown>).delete(0, 2);

    await waitFor(
      () => readGoals(theirs.doc)[0]?.progress.length === 2,
      'the ratings to come back for the partner',
    );
    await waitFor(
      () => readGoals(team.doc)[0]?.progress.length === 2,
      'the team to have the ratings back',
    );
    expect(readGoals(team.doc)[0]!.progress.map((p) => p.value)).toEqual([2, 4]);
    const later = connect(server.wsUrl, name, navCookie);
    await synced(later);
    expect(readGoals(later.doc)[0]!.progress.map((p) => p.value)).toEqual([2, 4]);
  });
});

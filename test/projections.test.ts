import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addAction,
  addGoal,
  isOverdue,
  readActions,
  readGoals,
  recordProgress,
  sharedPlanDocument,
  updateAction,
  type Action,
} from '@careweave/shared';
import { getJson, me, type Me, type MyAction, type PlanView } from './support/api.js';
import { connect, listPeople, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer } from './support/server.js';

/** Far enough from today that no time zone makes them anything but overdue or not. */
const PAST = ['2020-01-15', '2021-03-01'];
const FUTURE = ['2099-01-01', '2099-06-01'];
const TODAY = new Date().toISOString().slice(0, 10);

/** What `GET /api/me/actions` should say of one plan for one owner, from the document. */
function expectedFor(doc: Y.Doc, ownerId: string) {
  return readActions(doc)
    .filter((a) => a.ownerId === ownerId && a.status === 'open')
    .map((a) => ({
      actionId: a.id,
      text: a.text,
      dueDate: a.dueDate,
      status: a.status,
      overdue: isOverdue(a, TODAY),
    }))
    .sort((x, y) => x.actionId.localeCompare(y.actionId));
}

function rowsOf(answer: MyAction[], planId: string) {
  return answer
    .filter((a) => a.planId === planId)
    .map(({ actionId, text, dueDate, status, overdue }) => ({
      actionId,
      text,
      dueDate,
      status,
      overdue,
    }))
    .sort((x, y) => x.actionId.localeCompare(y.actionId));
}

/** Overdue first, then by due date, undated last. */
function inMyActionsOrder(rows: MyAction[]): boolean {
  const key = (a: MyAction) => [a.overdue ? 0 : 1, a.dueDate ?? '9999-99-99'].join(' ');
  return rows.every((row, i) => i === 0 || key(rows[i - 1]!) <= key(row));
}

const sameActions = (docs: Y.Doc[]) => {
  const first = JSON.stringify(readActions(docs[0]!));
  return docs.every((d) => JSON.stringify(readActions(d)) === first);
};

describe(`projections of the shared plan (${databaseBackend})`, () => {
  it('match the document after three people edit goals and actions at once', async () => {
    const server = await startServer();
    const emails = ['navigator@demo.test', 'nurse@demo.test', 'gp@demo.test'];
    const cookies = await Promise.all(emails.map((e) => login(server.url, e)));
    const [navigator, nurse, gp] = (await Promise.all(cookies.map((c) => me(server.url, c)))) as [
      Me,
      Me,
      Me,
    ];
    const person = (await listPeople(server.url, cookies[0]!))[1]!;
    const docName = sharedPlanDocument(person.planId);

    const clients = cookies.map((cookie) => connect(server.wsUrl, docName, cookie));
    await Promise.all(clients.map((c) => synced(c)));
    const [navDoc, nurseDoc, gpDoc] = clients.map((c) => c.doc) as [Y.Doc, Y.Doc, Y.Doc];

    const startedAt = new Date().toISOString();
    // Round one, in the same tick: nobody has seen anyone else's edits.
    const navGoal = addGoal(
      navDoc,
      { text: 'Walk to the shops', horizon: 'month', category: 'physical-health' },
      navigator.id,
    );
    addAction(
      navDoc,
      {
        text: 'Book the foot check',
        ownerId: nurse.id,
        dueDate: PAST[0],
        link: { kind: 'goal', id: navGoal },
      },
      navigator.id,
    );
    const gpUndated = addAction(
      navDoc,
      { text: 'Review the inhaler', ownerId: gp.id },
      navigator.id,
    );
    const nurseGoal = addGoal(
      nurseDoc,
      { text: 'Sleep through the night', horizon: 'week', category: 'mental-health' },
      nurse.id,
    );
    recordProgress(nurseDoc, nurseGoal, 4, nurse.id);
    const navFuture = addAction(
      nurseDoc,
      { text: 'Find a walking group', ownerId: navigator.id, dueDate: FUTURE[1] },
      nurse.id,
    );
    addAction(
      nurseDoc,
      { text: 'Phone about the night sitter', ownerId: nurse.id, dueDate: FUTURE[0] },
      nurse.id,
    );
    addGoal(
      gpDoc,
      { text: 'Breathe more easily', horizon: 'year', category: 'physical-health' },
      gp.id,
    );
    const nurseOverdue = addAction(
      gpDoc,
      { text: 'Check the blood pressure', ownerId: nurse.id, dueDate: PAST[1] },
      gp.id,
    );
    addAction(
      gpDoc,
      { text: 'Letter to the council', ownerId: navigator.id, dueDate: PAST[1] },
      gp.id,
    );
    addAction(gpDoc, { text: 'Nobody’s yet' }, gp.id);

    await waitFor(
      () =>
        sameActions([navDoc, nurseDoc, gpDoc]) &&
        readActions(navDoc).filter((a) => a.createdAt >= startedAt).length === 7 &&
        readGoals(navDoc).filter((g) => g.createdAt >= startedAt).length === 3,
      'round one to converge',
    );

    // Round two, again at once: each edits an item someone else made.
    updateAction(navDoc, nurseOverdue, { status: 'done' });
    updateAction(gpDoc, navFuture, { text: 'Find a walking group near the library' });
    updateAction(nurseDoc, gpUndated, { ownerId: navigator.id });
    recordProgress(gpDoc, navGoal, 6, gp.id);

    await waitFor(
      () =>
        sameActions([navDoc, nurseDoc, gpDoc]) &&
        readActions(navDoc).find((a) => a.id === nurseOverdue)?.status === 'done' &&
        readActions(navDoc)
          .find((a) => a.id === navFuture)
          ?.text.endsWith('library') === true &&
        readActions(navDoc).find((a) => a.id === gpUndated)?.ownerId === navigator.id &&
        readGoals(navDoc).find((g) => g.id === navGoal)?.progress.length === 1,
      'round two to converge',
    );
    const doc = navDoc;
    const actions: Action[] = readActions(doc);
    const open = actions.filter((a) => a.status === 'open').length;
    const overdue = actions.filter((a) => isOverdue(a, TODAY)).length;
    expect(open).toBeGreaterThanOrEqual(6);
    expect(overdue).toBeGreaterThanOrEqual(2);

    // Projection is throttled to about once a second per room.
    const owners: [Me, string][] = [
      [navigator, cookies[0]!],
      [nurse, cookies[1]!],
      [gp, cookies[2]!],
    ];
    await waitFor(
      async () => {
        for (const [owner, cookie] of owners) {
          const answer = await getJson<MyAction[]>(server.url, '/api/me/actions', cookie);
          if (
            JSON.stringify(rowsOf(answer, person.planId)) !==
            JSON.stringify(expectedFor(doc, owner.id))
          ) {
            return false;
          }
        }
        const plan = await getJson<PlanView>(
          server.url,
          `/api/plans/${person.planId}`,
          cookies[0]!,
        );
        return plan.actions.open === open && plan.actions.overdue === overdue;
      },
      'the projections to match the document',
      8_000,
    ).catch(() => {});

    // Asserted one by one, so a mismatch says which.
    for (const [owner, cookie] of owners) {
      const answer = await getJson<MyAction[]>(server.url, '/api/me/actions', cookie);
      expect(rowsOf(answer, person.planId), `${owner.name}’s actions`).toEqual(
        expectedFor(doc, owner.id),
      );
      expect(inMyActionsOrder(answer), `${owner.name}’s actions, overdue first`).toBe(true);
      for (const row of answer.filter((a) => a.planId === person.planId)) {
        expect(row).toMatchObject({ personId: person.id, personName: person.name });
      }
    }
    const plan = await getJson<PlanView>(server.url, `/api/plans/${person.planId}`, cookies[0]!);
    expect(plan.actions).toEqual({ open, overdue });
    // The navigator's list holds the reassigned, the edited and the overdue letter.
    expect(expectedFor(doc, navigator.id).map((a) => a.text)).toEqual(
      expect.arrayContaining([
        'Review the inhaler',
        'Find a walking group near the library',
        'Letter to the council',
      ]),
    );
    expect(expectedFor(doc, nurse.id).map((a) => a.actionId)).not.toContain(nurseOverdue);
  });
});

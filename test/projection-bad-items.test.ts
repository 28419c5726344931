import { describe, expect, it } from 'vitest';
import { addAction, addGoal, recordProgress, sharedPlanDocument } from '@careweave/shared';
import { getJson, me, type MyAction } from './support/api.js';
import { connect, listPeople, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import type { DashboardListRow } from './support/outcomes.js';
import { startServer } from './support/server.js';

// Any writer of a shared plan can put values in it that SQL columns cannot hold. The projection
// must still be written, or My actions and the dashboard go stale for the whole plan.

describe(`projecting a plan with impossible values in it (${databaseBackend})`, () => {
  it('still projects the plan: bad dates count as none, NUL characters are dropped', async () => {
    const server = await startServer();
    const navCookie = await login(server.url, 'navigator@demo.test');
    const nurseCookie = await login(server.url, 'nurse@demo.test');
    const [navigator, nurse] = [await me(server.url, navCookie), await me(server.url, nurseCookie)];
    const person = (await listPeople(server.url, navCookie))[0]!;
    const editor = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
    await synced(editor);
    const doc = editor.doc;
    const stamp = Date.now();

    const yearZero = addAction(
      doc,
      { text: `Year nought ${stamp}`, ownerId: nurse.id, dueDate: '0000-01-01' },
      navigator.id,
    );
    addAction(
      doc,
      { text: `Far future ${stamp}`, ownerId: nurse.id, dueDate: '9999-12-31' },
      navigator.id,
    );
    const goal = addGoal(
      doc,
      { text: `Nul\u0000goal ${stamp}`, horizon: 'week', category: 'housing' },
      navigator.id,
    );
    recordProgress(doc, goal, 5, navigator.id, new Date('-010000-01-01T00:00:00.000Z'));
    // Written after the bad ones, so it reaches SQL only if the projection survives them.
    const good = addAction(
      doc,
      { text: `Phone the landlord ${stamp}`, ownerId: nurse.id, dueDate: '2099-03-01' },
      navigator.id,
    );

    const mine = () => getJson<MyAction[]>(server.url, '/api/me/actions', nurseCookie);
    await waitFor(
      async () => (await mine()).some((a) => a.actionId === good),
      'the valid action in the nurse’s My actions',
      8_000,
    ).catch(() => {});
    const listed = await mine();
    expect(listed.find((a) => a.actionId === good)).toMatchObject({
      planId: person.planId,
      dueDate: '2099-03-01',
    });
    // The bad due dates are shown as none, not made up.
    expect(listed.find((a) => a.actionId === yearZero)).toMatchObject({ dueDate: null });
    expect(listed.find((a) => a.text === `Far future ${stamp}`)).toMatchObject({ dueDate: null });

    const goals = await getJson<DashboardListRow[]>(
      server.url,
      '/api/dashboard/list?figure=goals&key=housing:active',
      navCookie,
    );
    expect(goals.map((g) => g.detail)).toContain(`Nulgoal ${stamp}`);
    expect(server.output()).not.toMatch(/could not update its projection/);
  });
});

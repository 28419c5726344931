import { describe, expect, it } from 'vitest';
import { addAction, sharedPlanDocument } from '@careweave/shared';
import { getJson, me, type MyAction } from './support/api.js';
import { connect, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { addPerson, type Dashboard, type DashboardListRow } from './support/outcomes.js';
import { startServer } from './support/server.js';

// An action's owner who may not see the plan never finds it in My actions, so the dashboard
// must not count it as theirs either.

describe(`overdue actions whose owner cannot see the plan (${databaseBackend})`, () => {
  it('are counted under No owner, and the list says to whom they were given', async () => {
    const server = await startServer();
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    const partnerCookie = await login(server.url, 'partner@demo.test');
    const navigator = await me(server.url, navCookie);
    const partner = await me(server.url, partnerCookie);
    const admin = await me(server.url, await login(server.url, 'admin@demo.test'));
    const before = await getJson<Dashboard>(server.url, '/api/dashboard', gpCookie);
    const countOf = (d: Dashboard, ownerId: string | null) =>
      d.overdueActionsByOwner.find((o) => o.ownerId === ownerId)?.count ?? 0;

    const privatePerson = await addPerson(server.url, navCookie, 'Prevention');
    const sharing = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const stamp = Date.now();
    for (const [person, owners] of [
      [privatePerson, [partner, admin]],
      [sharing, [partner]],
    ] as const) {
      const editor = connect(server.wsUrl, sharedPlanDocument(person.planId), navCookie);
      await synced(editor);
      for (const owner of owners) {
        addAction(
          editor.doc,
          { text: `For ${owner.name} ${stamp}`, ownerId: owner.id, dueDate: '2024-01-15' },
          navigator.id,
        );
      }
    }

    let after = before;
    await waitFor(
      async () => {
        after = await getJson<Dashboard>(server.url, '/api/dashboard', gpCookie);
        return (
          countOf(after, null) === countOf(before, null) + 2 &&
          countOf(after, partner.id) === countOf(before, partner.id) + 1
        );
      },
      'the three actions on the dashboard',
      10_000,
    ).catch(() => {});
    expect(countOf(after, null)).toBe(countOf(before, null) + 2);
    // The partner's only countable one is on the plan of the person who shares with partners.
    expect(countOf(after, partner.id)).toBe(countOf(before, partner.id) + 1);
    expect(after.overdueActionsByOwner.map((o) => o.ownerId)).not.toContain(admin.id);

    const unowned = await getJson<DashboardListRow[]>(
      server.url,
      '/api/dashboard/list?figure=overdue-actions&key=none',
      gpCookie,
    );
    expect(unowned.filter((r) => r.personId === privatePerson.id).map((r) => r.detail)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/given to Kim Ashworth, who cannot see this plan$/),
        expect.stringMatching(/given to Chris Lowe, who cannot see this plan$/),
      ]),
    );
    // As My actions has it: the partner sees only the action they may see.
    const mine = await getJson<MyAction[]>(server.url, '/api/me/actions', partnerCookie);
    expect(mine.filter((a) => a.text.endsWith(String(stamp))).map((a) => a.personId)).toEqual([
      sharing.id,
    ]);
  });
});

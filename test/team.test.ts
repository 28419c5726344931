import { beforeAll, describe, expect, it } from 'vitest';
import { clinicalPlanDocument, CloseCode, sharedPlanDocument } from '@careweave/shared';
import { getJson, me, send } from './support/api.js';
import {
  closeCodeOf,
  firstMessage,
  get,
  listPeople,
  login,
  openRaw,
  postLogin,
} from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

/** One membership from `GET /api/team/members`. */
interface Membership {
  id: string;
  name: string;
  email: string;
  role: string;
  roleLabel: string;
  organisation: string | null;
  providerId: string | null;
  provider: string | null;
  neighbourhoodId: string;
  neighbourhood: string;
  canChair: boolean;
}
interface Added {
  id: string;
  created: boolean;
  temporaryPassword: string | null;
}

describe(`managing the team (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;
  let admin: Awaited<ReturnType<typeof me>>;
  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
    admin = await me(server.url, adminCookie);
  });

  const members = () => getJson<Membership[]>(server.url, '/api/team/members', adminCookie);
  const teamId = () => admin.neighbourhoods[0]!.id;
  let serial = 0;
  /** A new member added by the administrator, signed in, with a password of their own chosen. */
  async function addMember(role: string, name = `Robin Test ${++serial}`) {
    const email = `robin.test.${serial}.${Date.now()}@demo.test`;
    const res = await send(server.url, 'POST', '/api/team/members', adminCookie, {
      name,
      email: email.toUpperCase(),
      role,
      organisation: 'Heatons Practice',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const added = (await res.json()) as Added;
    const cookie = await login(server.url, email, added.temporaryPassword!);
    const password = `robin's own ${serial}`;
    const own = { current: added.temporaryPassword, next: password, confirm: password };
    expect((await send(server.url, 'POST', '/api/me/password', cookie, own)).status).toBe(204);
    return { ...added, email, name, cookie, password };
  }

  it('lists the administrator’s team with roles, organisations and who may chair', async () => {
    const list = await members();
    const gp = list.find((m) => m.email === 'gp@demo.test')!;
    expect(gp).toMatchObject({ role: 'gp_lead', roleLabel: 'GP lead', neighbourhoodId: teamId() });
    expect(list.find((m) => m.email === 'partner@demo.test')).toMatchObject({
      roleLabel: 'Voluntary-sector partner',
      canChair: false,
    });
    expect(list.map((m) => m.email)).toContain('admin@demo.test');
    expect(list.every((m) => m.neighbourhood === admin.neighbourhoods[0]!.name)).toBe(true);
  });

  it('refuses everyone but an administrator (403)', async () => {
    const gp = await me(server.url, await login(server.url, 'gp@demo.test'));
    for (const email of ['gp@demo.test', 'partner@demo.test', 'nurse@demo.test']) {
      const cookie = await login(server.url, email);
      expect((await get(server.url, '/api/team/members', cookie)).status).toBe(403);
      const post = { name: 'Someone Test', email: 'someone@demo.test', role: 'gp' };
      expect((await send(server.url, 'POST', '/api/team/members', cookie, post)).status).toBe(403);
      const patch = await send(server.url, 'PATCH', `/api/team/members/${gp.id}`, cookie, {
        role: 'gp',
      });
      expect(patch.status).toBe(403);
      const path = `/api/team/members/${gp.id}/neighbourhoods/${teamId()}`;
      expect((await send(server.url, 'DELETE', path, cookie, {})).status).toBe(403);
    }
    expect((await members()).find((m) => m.id === gp.id)?.role).toBe('gp_lead');
  });

  it('adds a new account with a temporary password, and an existing one by email', async () => {
    const added = await addMember('nurse');
    expect(added.temporaryPassword).toMatch(/^[\w-]{16}$/);
    expect(await me(server.url, added.cookie)).toMatchObject({
      email: added.email,
      role: 'nurse',
      neighbourhoods: [{ id: teamId() }],
    });
    expect((await listPeople(server.url, added.cookie)).length).toBeGreaterThan(0);

    // The same email in another case is the same account, already in the team.
    const again = await send(server.url, 'POST', '/api/team/members', adminCookie, {
      email: added.email.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { fields: object }).fields).toHaveProperty('email');

    // Out of the team, then back in as the existing account, with its own password.
    const path = `/api/team/members/${added.id}/neighbourhoods/${teamId()}`;
    expect((await send(server.url, 'DELETE', path, adminCookie, {})).status).toBe(204);
    expect(await listPeople(server.url, added.cookie)).toEqual([]);
    const back = await send(server.url, 'POST', '/api/team/members', adminCookie, {
      email: added.email,
    });
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ id: added.id, created: false, temporaryPassword: null });
    expect((await listPeople(server.url, added.cookie)).length).toBeGreaterThan(0);
  });

  it('says what is wrong with each field of a new member', async () => {
    const res = await send(server.url, 'POST', '/api/team/members', adminCookie, {
      name: '',
      email: 'not-an-email',
      role: 'wizard',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Record<string, string> };
    expect(Object.keys(body.fields).sort()).toEqual(['email', 'name', 'role']);
  });

  it('changes a member’s role and who may chair, and audits each change', async () => {
    const member = await addMember('gp');
    const patch = (body: object) =>
      send(server.url, 'PATCH', `/api/team/members/${member.id}`, adminCookie, body);
    const changed = await patch({ role: 'pharmacist', canChair: true });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect(await changed.json()).toEqual([
      expect.objectContaining({ id: member.id, role: 'pharmacist', canChair: true }),
    ]);
    expect((await me(server.url, member.cookie)).role).toBe('pharmacist');
    expect((await patch({ canChair: false })).status).toBe(200);
    expect((await members()).find((m) => m.id === member.id)?.canChair).toBe(false);

    const bad = await patch({ role: 'wizard', canChair: 'yes' });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: object }).fields).sort()).toEqual([
      'canChair',
      'role',
    ]);

    const trail = await getJson<{
      entries: {
        action: string;
        entityId: string;
        member: string | null;
        team: string | null;
        detail: object;
      }[];
    }>(server.url, '/api/audit', adminCookie);
    const chair = trail.entries.find((e) => e.action === 'member.chair')!;
    expect([chair.member, chair.team]).toEqual([member.name, admin.neighbourhoods[0]!.name]);
    const about = trail.entries
      .filter((e) => e.entityId === member.id && e.action.startsWith('member.'))
      .map((e) => e.action);
    expect(about).toEqual(['member.chair', 'member.chair', 'member.role', 'member.add']);
    expect(trail.entries.find((e) => e.action === 'member.role')?.detail).toEqual({
      from: 'gp',
      to: 'pharmacist',
    });
  });

  it('lets no administrator or voluntary partner chair, or sign off a plan', async () => {
    const patch = (id: string, body: object) =>
      send(server.url, 'PATCH', `/api/team/members/${id}`, adminCookie, body);
    const partner = (await members()).find((m) => m.email === 'partner@demo.test')!;
    for (const id of [partner.id, admin.id]) {
      const refused = await patch(id, { canChair: true });
      expect(refused.status).toBe(400);
      expect(Object.keys(((await refused.json()) as { fields: object }).fields)).toEqual([
        'canChair',
      ]);
    }
    const chair = await addMember('nurse');
    expect((await patch(chair.id, { canChair: true })).status).toBe(200);
    // Becoming a partner ends the mark; it is not back if they change role again.
    const [provider] = await getJson<{ id: string }[]>(server.url, '/api/providers', adminCookie);
    const toPartner = await patch(chair.id, {
      role: 'voluntary_partner',
      providerId: provider!.id,
    });
    expect(toPartner.status).toBe(200);
    expect((await patch(chair.id, { role: 'nurse' })).status).toBe(200);
    expect((await members()).find((m) => m.id === chair.id)?.canChair).toBe(false);

    const gpCookie = await login(server.url, 'gp@demo.test');
    const planId = (await listPeople(server.url, gpCookie))[0]!.planId;
    const partnerCookie = await login(server.url, 'partner@demo.test');
    for (const cookie of [adminCookie, partnerCookie]) {
      const signOff = await send(server.url, 'POST', `/api/plans/${planId}/versions`, cookie, {
        label: 'Agreed',
      });
      expect(signOff.status).toBe(403);
    }
  });

  it('does not let an administrator change their own role or remove themselves', async () => {
    const own = await send(server.url, 'PATCH', `/api/team/members/${admin.id}`, adminCookie, {
      role: 'gp',
    });
    expect(own.status).toBe(403);
    const path = `/api/team/members/${admin.id}/neighbourhoods/${teamId()}`;
    expect((await send(server.url, 'DELETE', path, adminCookie, {})).status).toBe(403);
    expect((await me(server.url, adminCookie)).role).toBe('admin');
    expect((await members()).some((m) => m.id === admin.id)).toBe(true);
  });

  it('leaves one administrator when two demote each other at once', async () => {
    const other = await addMember('admin');
    const demote = (cookie: string, id: string) =>
      send(server.url, 'PATCH', `/api/team/members/${id}`, cookie, { role: 'gp' });
    const answers = await Promise.all([
      demote(adminCookie, other.id),
      demote(other.cookie, admin.id),
    ]);
    // The second finds it is no longer an administrator (403), or the first the last one (409).
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = (
      await getJson<Membership[]>(server.url, '/api/team/members', adminCookie).catch(() =>
        getJson<Membership[]>(server.url, '/api/team/members', other.cookie),
      )
    ).filter((m) => m.role === 'admin');
    expect(admins).toHaveLength(1);
    // Put things back for the tests after this one.
    const [left] = admins;
    if (left!.id !== admin.id) {
      const back = await send(server.url, 'PATCH', `/api/team/members/${admin.id}`, other.cookie, {
        role: 'admin',
      });
      expect(back.status).toBe(200);
    }
  });

  it('resets a member’s password: signed out everywhere, the temporary one changed first', async () => {
    const member = await addMember('nurse');
    const planId = (await listPeople(server.url, member.cookie))[0]!.planId;
    const open = openRaw(server.wsUrl, sharedPlanDocument(planId), { cookie: member.cookie });
    await firstMessage(open);
    // Well inside the 30 s heartbeat.
    const closed = closeCodeOf(open, 5_000);
    const reset = (id: string, cookie = adminCookie) =>
      send(server.url, 'POST', `/api/team/members/${id}/password`, cookie, {});

    const res = await reset(member.id);
    expect(res.status, await res.clone().text()).toBe(200);
    const { temporaryPassword } = (await res.json()) as { temporaryPassword: string };
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(16);
    expect((await closed).code).toBe(CloseCode.Unauthorized);
    expect((await get(server.url, '/api/me', member.cookie)).status).toBe(401);
    expect((await postLogin(server.url, member.email, member.password)).status).toBe(401);
    const cookie = await login(server.url, member.email, temporaryPassword);
    expect((await get(server.url, '/api/people', cookie)).status).toBe(403);
    const own = {
      current: temporaryPassword,
      next: 'robin chose again',
      confirm: 'robin chose again',
    };
    expect((await send(server.url, 'POST', '/api/me/password', cookie, own)).status).toBe(204);
    expect((await get(server.url, '/api/people', cookie)).status).toBe(200);

    const trail = await getJson<{
      entries: { action: string; entityId: string; member: string }[];
    }>(server.url, '/api/audit', adminCookie);
    expect(trail.entries.find((e) => e.action === 'member.password-reset')).toMatchObject({
      entityId: member.id,
      member: member.name,
    });
  });

  it('lets nobody reset their own password here, nor anyone but an administrator', async () => {
    const reset = (id: string, cookie: string) =>
      send(server.url, 'POST', `/api/team/members/${id}/password`, cookie, {});
    expect((await reset(admin.id, adminCookie)).status).toBe(403);
    const nurse = (await members()).find((m) => m.email === 'nurse@demo.test')!;
    expect((await reset(nurse.id, await login(server.url, 'gp@demo.test'))).status).toBe(403);
    expect((await reset('not-a-member', adminCookie)).status).toBe(404);
    expect((await reset(crypto.randomUUID(), adminCookie)).status).toBe(404);
    expect((await postLogin(server.url, 'admin@demo.test')).status).toBe(200);
    expect((await postLogin(server.url, 'nurse@demo.test')).status).toBe(200);
  });

  it('keeps an administrator of another team out of this one', async () => {
    const other = await addMember('admin');
    const path = (id: string) => `/api/team/members/${id}/neighbourhoods/${teamId()}`;
    expect((await send(server.url, 'DELETE', path(other.id), adminCookie, {})).status).toBe(204);
    // An administrator who shares no team with these members.
    const gp = (await members()).find((m) => m.email === 'gp@demo.test')!;
    expect(await getJson(server.url, '/api/team/members', other.cookie)).toEqual([]);
    const patch = await send(server.url, 'PATCH', `/api/team/members/${gp.id}`, other.cookie, {
      role: 'gp',
    });
    expect(patch.status).toBe(404);
    expect((await send(server.url, 'DELETE', path(gp.id), other.cookie, {})).status).toBe(404);
    const reset = await send(
      server.url,
      'POST',
      `/api/team/members/${gp.id}/password`,
      other.cookie,
      {},
    );
    expect(reset.status).toBe(404);
    const join = await send(server.url, 'POST', '/api/team/members', other.cookie, {
      email: other.email,
      neighbourhoodId: teamId(),
    });
    expect(join.status).toBe(400);
    expect((await members()).find((m) => m.id === gp.id)).toMatchObject({ role: 'gp_lead' });
  });

  it('closes a removed member’s open plan at once, and a demoted one’s clinical record', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const planId = (await listPeople(server.url, gpCookie))[0]!.planId;
    const removed = await addMember('nurse');
    const demoted = await addMember('nurse');
    const removedOpen = openRaw(server.wsUrl, sharedPlanDocument(planId), {
      cookie: removed.cookie,
    });
    const demotedOpen = openRaw(server.wsUrl, clinicalPlanDocument(planId), {
      cookie: demoted.cookie,
    });
    // As a partner they may still write this shared plan (its person consented), but only part.
    const narrowedOpen = openRaw(server.wsUrl, sharedPlanDocument(planId), {
      cookie: demoted.cookie,
    });
    await Promise.all([removedOpen, demotedOpen, narrowedOpen].map((s) => firstMessage(s)));
    // Well inside the 30 s heartbeat.
    const removedClosed = closeCodeOf(removedOpen, 5_000);
    const demotedClosed = closeCodeOf(demotedOpen, 5_000);
    const narrowedClosed = closeCodeOf(narrowedOpen, 5_000);

    const path = `/api/team/members/${removed.id}/neighbourhoods/${teamId()}`;
    expect((await send(server.url, 'DELETE', path, adminCookie, {})).status).toBe(204);
    expect((await removedClosed).code).toBe(CloseCode.Forbidden);
    const tameValley = (
      await getJson<{ id: string; name: string }[]>(server.url, '/api/providers', adminCookie)
    ).find((p) => p.name === 'Tame Valley Peer Support')!;
    const role = await send(server.url, 'PATCH', `/api/team/members/${demoted.id}`, adminCookie, {
      role: 'voluntary_partner',
      providerId: tameValley.id,
    });
    expect(role.status).toBe(200);
    expect((await demotedClosed).code).toBe(CloseCode.Forbidden);
    expect((await narrowedClosed).code).toBe(CloseCode.Forbidden);
    expect((await postLogin(server.url, removed.email, removed.password)).status).toBe(200);
  });
});

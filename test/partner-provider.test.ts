import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, me, send } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addPerson,
  makeReferral,
  providers,
  serviceOf,
  TAME_VALLEY,
  type Provider,
  type Referral,
} from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

// A voluntary-sector partner added on the Team page is linked to the directory provider they
// work for: they see its referrals, and count as its staff when a referral needs consent.

const MONEY_ADVICE = 'Heatons Money Advice';

interface Membership {
  id: string;
  role: string;
  organisation: string | null;
  providerId: string | null;
  provider: string | null;
}
interface AuditEntries {
  entries: { action: string; entityId: string; member: string | null; detail: object }[];
}

describe(`a partner linked to their provider (${databaseBackend})`, () => {
  let server: TestServer;
  let adminCookie: string;
  let navCookie: string;
  let directory: Provider[];
  const referralTo: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin@demo.test');
    navCookie = await login(server.url, 'navigator@demo.test');
    directory = await providers(server.url, navCookie);
    // Someone who consented to share, referred to both providers.
    const { planId } = await addPerson(server.url, navCookie, 'Recovery', { consent: true });
    for (const name of [TAME_VALLEY, MONEY_ADVICE]) {
      referralTo[name] = await makeReferral(server.url, navCookie, planId, {
        serviceId: serviceOf(directory, name).service.id,
        reason: `Referred to ${name}`,
        urgency: 'routine',
      });
    }
  });

  const providerId = (name: string) => serviceOf(directory, name).provider.id;
  let serial = 0;
  const addMember = (body: Record<string, unknown>) =>
    send(server.url, 'POST', '/api/team/members', adminCookie, {
      name: `Jo Partner ${++serial}`,
      email: `jo.partner.${serial}.${Date.now()}@demo.test`,
      organisation: 'Free text, kept as typed',
      ...body,
    });
  /** A partner added and signed in with the temporary password. */
  async function addPartner(provider: string) {
    const res = await addMember({ role: 'voluntary_partner', providerId: providerId(provider) });
    expect(res.status, await res.clone().text()).toBe(201);
    const added = (await res.json()) as { id: string; temporaryPassword: string };
    const email = (
      await getJson<{ id: string; email: string }[]>(server.url, '/api/team/members', adminCookie)
    ).find((m) => m.id === added.id)!.email;
    const cookie = await login(server.url, email, added.temporaryPassword);
    const own = `jo's own password ${serial}`;
    const change = { current: added.temporaryPassword, next: own, confirm: own };
    expect((await send(server.url, 'POST', '/api/me/password', cookie, change)).status).toBe(204);
    return { id: added.id, cookie };
  }
  const referralIds = async (cookie: string) =>
    (await getJson<Referral[]>(server.url, '/api/referrals', cookie)).map((r) => r.id);
  const patch = (id: string, body: object) =>
    send(server.url, 'PATCH', `/api/team/members/${id}`, adminCookie, body);
  const fieldsOf = async (res: Response) =>
    ((await res.json()) as { fields: Record<string, string> }).fields;
  const membership = async (id: string) =>
    (await getJson<Membership[]>(server.url, '/api/team/members', adminCookie)).find(
      (m) => m.id === id,
    )!;

  it('adds a partner linked to the provider chosen, who sees its referrals and no others', async () => {
    const partner = await addPartner(MONEY_ADVICE);
    expect(await me(server.url, partner.cookie)).toMatchObject({
      role: 'voluntary_partner',
      providerId: providerId(MONEY_ADVICE),
      organisation: 'Free text, kept as typed',
    });
    const ids = await referralIds(partner.cookie);
    expect(ids).toContain(referralTo[MONEY_ADVICE]);
    expect(ids).not.toContain(referralTo[TAME_VALLEY]);
    expect(await membership(partner.id)).toMatchObject({
      providerId: providerId(MONEY_ADVICE),
      provider: MONEY_ADVICE,
      organisation: 'Free text, kept as typed',
    });
  });

  it('refuses a partner with no provider, or one not in the directory (400)', async () => {
    const missing = await addMember({ role: 'voluntary_partner' });
    expect(missing.status).toBe(400);
    expect(await fieldsOf(missing)).toEqual({
      providerId: 'Choose the organisation they work for from the provider directory',
    });
    const unknown = await addMember({
      role: 'voluntary_partner',
      providerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    expect(await fieldsOf(unknown)).toEqual({
      providerId: 'Choose a provider that is in the directory',
    });
    const garbled = await addMember({ role: 'voluntary_partner', providerId: 'Tame Valley' });
    expect(garbled.status).toBe(400);
    expect(await fieldsOf(garbled)).toHaveProperty('providerId');
    // Nobody but a partner works for a provider.
    const nurse = await addMember({ role: 'nurse', providerId: providerId(TAME_VALLEY) });
    expect(nurse.status).toBe(400);
    expect(await fieldsOf(nurse)).toEqual({
      providerId: expect.stringMatching(/^Only a voluntary-sector partner/),
    });
  });

  it('moves a partner to another provider at once, and the trail names both', async () => {
    const partner = await addPartner(MONEY_ADVICE);
    const moved = await patch(partner.id, { providerId: providerId(TAME_VALLEY) });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toEqual([
      expect.objectContaining({ providerId: providerId(TAME_VALLEY), provider: TAME_VALLEY }),
    ]);
    const ids = await referralIds(partner.cookie);
    expect(ids).toContain(referralTo[TAME_VALLEY]);
    expect(ids).not.toContain(referralTo[MONEY_ADVICE]);

    for (const wrong of [null, '', '00000000-0000-4000-8000-000000000000']) {
      const refused = await patch(partner.id, { providerId: wrong });
      expect(refused.status).toBe(400);
      expect(await fieldsOf(refused)).toHaveProperty('providerId');
    }
    expect((await me(server.url, partner.cookie)).providerId).toBe(providerId(TAME_VALLEY));

    const trail = await getJson<AuditEntries>(server.url, '/api/audit', adminCookie);
    const about = trail.entries.filter(
      (e) => e.entityId === partner.id && e.action.startsWith('member.'),
    );
    expect(about.map((e) => e.action)).toEqual(['member.provider', 'member.add']);
    expect(about[0]).toMatchObject({
      member: expect.stringMatching(/^Jo Partner/),
      detail: {
        from: { id: providerId(MONEY_ADVICE), name: MONEY_ADVICE },
        to: { id: providerId(TAME_VALLEY), name: TAME_VALLEY },
      },
    });
    expect(about[1]!.detail).toMatchObject({
      provider: { id: providerId(MONEY_ADVICE), name: MONEY_ADVICE },
    });
  });

  it('makes someone a partner only with a provider, and unlinks one who stops being a partner', async () => {
    const res = await addMember({ role: 'nurse' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    const bare = await patch(id, { role: 'voluntary_partner' });
    expect(bare.status).toBe(400);
    expect(await fieldsOf(bare)).toEqual({
      providerId: 'Choose the organisation they work for from the provider directory',
    });
    expect((await membership(id)).role).toBe('nurse');

    const made = await patch(id, {
      role: 'voluntary_partner',
      providerId: providerId(TAME_VALLEY),
    });
    expect(made.status, await made.clone().text()).toBe(200);
    expect(await membership(id)).toMatchObject({
      role: 'voluntary_partner',
      provider: TAME_VALLEY,
    });

    const back = await patch(id, { role: 'care_navigator' });
    expect(back.status).toBe(200);
    expect(await membership(id)).toMatchObject({
      role: 'care_navigator',
      providerId: null,
      provider: null,
    });
    const notPartner = await patch(id, { providerId: providerId(TAME_VALLEY) });
    expect(notPartner.status).toBe(400);
    expect(await fieldsOf(notPartner)).toHaveProperty('providerId');

    const trail = await getJson<AuditEntries>(server.url, '/api/audit', adminCookie);
    const changes = trail.entries
      .filter((e) => e.entityId === id && /^member\.(role|provider)$/.test(e.action))
      .map((e) => [e.action, e.detail]);
    expect(changes).toEqual([
      ['member.provider', { from: { id: providerId(TAME_VALLEY), name: TAME_VALLEY }, to: null }],
      ['member.role', { from: 'voluntary_partner', to: 'care_navigator' }],
      ['member.provider', { from: null, to: { id: providerId(TAME_VALLEY), name: TAME_VALLEY } }],
      ['member.role', { from: 'nurse', to: 'voluntary_partner' }],
    ]);
  });

  it('counts a partner added on the Team page as their provider’s staff when consent is needed', async () => {
    const created = await send(server.url, 'POST', '/api/providers', adminCookie, {
      name: `Reddish Allotment Friends ${Date.now()}`,
      description: 'Growing together',
    });
    expect(created.status).toBe(201);
    const { id: newProvider } = (await created.json()) as { id: string };
    const service = await send(
      server.url,
      'POST',
      `/api/providers/${newProvider}/services`,
      adminCookie,
      { name: 'Saturday digging', kind: 'volunteering', description: '' },
    );
    expect(service.status).toBe(201);
    const { id: serviceId } = (await service.json()) as { id: string };
    // Not consented to share: fine while nobody from the provider signs in to the team.
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const referral = { serviceId, reason: 'Would like to be outdoors', urgency: 'routine' };
    await makeReferral(server.url, navCookie, person.planId, referral);

    const res = await addMember({ role: 'voluntary_partner', providerId: newProvider });
    expect(res.status, await res.clone().text()).toBe(201);
    const again = await send(
      server.url,
      'POST',
      `/api/plans/${person.planId}/referrals`,
      navCookie,
      referral,
    );
    expect(again.status).toBe(400);
    expect((await fieldsOf(again)).serviceId).toMatch(/has not consented to share with partners/);
  });
});

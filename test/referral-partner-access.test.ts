import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, me, send } from './support/api.js';
import { get, listPeople, login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addPerson,
  makeReferral,
  providers,
  serviceOf,
  setReferralStatus,
  TAME_VALLEY,
  type Referral,
} from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

// The demo partner (Kim Ashworth) belongs to Tame Valley Peer Support: she sees and moves the
// referrals made to its services, and nothing of any other provider's.

describe(`a partner and their organisation's referrals (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  let partnerCookie: string;
  let person: { id: string; planId: string; name: string };
  let ours: { id: string; serviceId: string };
  let theirs: { id: string; serviceId: string; provider: string };

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
    partnerCookie = await login(server.url, 'partner@demo.test');
    // Someone who consented to share, so the partner may see their plan at all.
    person = await addPerson(server.url, navCookie, 'Recovery', { consent: true });

    const directory = await providers(server.url, navCookie);
    const tameValley = serviceOf(directory, TAME_VALLEY);
    const other = serviceOf(directory, 'Heatons Money Advice');
    ours = {
      serviceId: tameValley.service.id,
      id: await makeReferral(server.url, navCookie, person.planId, {
        serviceId: tameValley.service.id,
        reason: 'Would like company and a weekly walk',
        urgency: 'routine',
      }),
    };
    theirs = {
      serviceId: other.service.id,
      provider: other.provider.name,
      id: await makeReferral(server.url, navCookie, person.planId, {
        serviceId: other.service.id,
        reason: 'Gas arrears letters piling up',
        urgency: 'soon',
      }),
    };
  });

  it('lists only referrals to the partner’s own organisation', async () => {
    const mine = await getJson<Referral[]>(server.url, '/api/referrals', partnerCookie);
    const ids = mine.map((r) => r.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    // Seeded referrals to other providers are left out too.
    expect(mine.every((r) => r.provider.name === TAME_VALLEY)).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(theirs.provider);
    const row = mine.find((r) => r.id === ours.id)!;
    expect(row).toMatchObject({
      service: { id: ours.serviceId },
      provider: { name: TAME_VALLEY },
      status: 'sent',
      urgency: 'routine',
      reason: 'Would like company and a weekly walk',
      personName: person.name,
      planId: person.planId,
    });

    // The plan's own list, as the partner reads it, leaves the other provider's out as well.
    const onPlan = await getJson<Referral[]>(
      server.url,
      `/api/plans/${person.planId}/referrals`,
      partnerCookie,
    );
    expect(onPlan.map((r) => r.id)).toContain(ours.id);
    expect(onPlan.map((r) => r.id)).not.toContain(theirs.id);

    // The control: the navigator sees both, on the plan and in the neighbourhood.
    const navOnPlan = await getJson<Referral[]>(
      server.url,
      `/api/plans/${person.planId}/referrals`,
      navCookie,
    );
    expect(navOnPlan.map((r) => r.id)).toEqual(expect.arrayContaining([ours.id, theirs.id]));
    const navAll = await getJson<Referral[]>(server.url, '/api/referrals', navCookie);
    expect(navAll.map((r) => r.id)).toEqual(expect.arrayContaining([ours.id, theirs.id]));
  });

  it('refuses the partner moving another provider’s referral with 403, and changes nothing', async () => {
    const res = await setReferralStatus(server.url, partnerCookie, theirs.id, {
      status: 'accepted',
    });
    expect(res.status).toBe(403);
    const navOnPlan = await getJson<Referral[]>(
      server.url,
      `/api/plans/${person.planId}/referrals`,
      navCookie,
    );
    expect(navOnPlan.find((r) => r.id === theirs.id)!.status).toBe('sent');
  });

  it('refuses the team moving a referral whose provider’s staff update it, naming the provider', async () => {
    const navOnPlan = async () =>
      getJson<Referral[]>(server.url, `/api/plans/${person.planId}/referrals`, navCookie);
    const before = await navOnPlan();
    expect(before.find((r) => r.id === ours.id)).toMatchObject({ updatedBy: 'provider' });
    expect(before.find((r) => r.id === theirs.id)).toMatchObject({ updatedBy: 'team' });

    for (const status of ['accepted', 'declined']) {
      const res = await setReferralStatus(server.url, navCookie, ours.id, {
        status,
        note: 'Rang them, they said yes',
      });
      expect(res.status, status).toBe(403);
      const { error } = (await res.json()) as { error: string };
      expect(error).toContain(TAME_VALLEY);
      expect(error).toMatch(/only they can/);
    }
    const after = (await navOnPlan()).find((r) => r.id === ours.id)!;
    expect(after.status).toBe('sent');
    expect(after.events).toHaveLength(1);
  });

  it('lets the partner accept their own referral, attributed and noted', async () => {
    const partner = await me(server.url, partnerCookie);
    const res = await setReferralStatus(server.url, partnerCookie, ours.id, {
      status: 'accepted',
      note: 'First session on Thursday',
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Referral;
    expect(answer).toMatchObject({ id: ours.id, status: 'accepted' });
    expect(answer.events.at(-1)).toMatchObject({
      status: 'accepted',
      note: 'First session on Thursday',
      by: { id: partner.id, name: partner.name },
    });

    // The navigator sees the new status and who moved it.
    const navOnPlan = await getJson<Referral[]>(
      server.url,
      `/api/plans/${person.planId}/referrals`,
      navCookie,
    );
    const seen = navOnPlan.find((r) => r.id === ours.id)!;
    expect(seen.status).toBe('accepted');
    expect(seen.events.map((e) => e.status)).toEqual(['sent', 'accepted']);
    expect(seen.events[1]!.by.id).toBe(partner.id);
  });

  it('refuses an illegal transition with 409 and the state machine’s message', async () => {
    // Accepted above: it may go to in progress, never back to declined or straight to completed.
    for (const status of ['completed', 'declined', 'sent']) {
      const res = await setReferralStatus(server.url, partnerCookie, ours.id, { status });
      expect(res.status, status).toBe(409);
      const { error } = (await res.json()) as { error: string };
      expect(error, status).toMatch(/accepted/i);
      expect(error.toLowerCase(), status).toContain(status);
      // It says who put it where it is, and when: here the partner themselves, a moment ago.
      expect(error, status).toMatch(/^You marked this referral as accepted on \d+ \w+ \d{4} at /);
    }
    const mine = await getJson<Referral[]>(server.url, '/api/referrals', partnerCookie);
    expect(mine.find((r) => r.id === ours.id)!.status).toBe('accepted');
    // The legal next step still works.
    const started = await setReferralStatus(server.url, partnerCookie, ours.id, {
      status: 'in-progress',
    });
    expect(started.status).toBe(200);
  });

  it('lets the partner neither make a referral nor see the referrals of a plan they may not open', async () => {
    const res = await send(
      server.url,
      'POST',
      `/api/plans/${person.planId}/referrals`,
      partnerCookie,
      { serviceId: ours.serviceId, reason: 'Partner trying', urgency: 'routine' },
    );
    expect(res.status).toBe(403);

    // Someone who has not consented: their plan's referrals are not the partner's to read.
    const gpCookie = await login(server.url, 'gp@demo.test');
    const seen = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    const hidden = (await listPeople(server.url, gpCookie)).find((p) => !seen.has(p.id))!;
    const answer = await get(server.url, `/api/plans/${hidden.planId}/referrals`, partnerCookie);
    expect([403, 404]).toContain(answer.status);
  });

  it('refers someone to the partner’s organisation only with their consent, and hides it when withdrawn', async () => {
    const gpCookie = await login(server.url, 'gp@demo.test');
    const seen = new Set((await listPeople(server.url, partnerCookie)).map((p) => p.id));
    const everyone = await listPeople(server.url, gpCookie);
    const hidden = everyone.find((p) => !seen.has(p.id))!;
    const refer = (planId: string, serviceId: string) =>
      send(server.url, 'POST', `/api/plans/${planId}/referrals`, navCookie, {
        serviceId,
        reason: 'Would enjoy a walking group',
        urgency: 'routine',
      });
    // Tame Valley's staff sign in here, so a referral to it would share the person with them.
    const refused = await refer(hidden.planId, ours.serviceId);
    expect(refused.status).toBe(400);
    const answer = (await refused.json()) as { fields: Record<string, string> };
    expect(answer.fields.serviceId).toMatch(/not consented to share/);
    // A provider with no staff here gets the referral by its own means.
    expect((await refer(hidden.planId, theirs.serviceId)).status).toBe(201);

    // Someone else who consented, referred, then withdraws.
    const other = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const id = await makeReferral(server.url, navCookie, other.planId, {
      serviceId: ours.serviceId,
      reason: 'Peer support while recovering',
      urgency: 'routine',
    });
    const partnerList = async () =>
      (await getJson<Referral[]>(server.url, '/api/referrals', partnerCookie)).map((r) => r.id);
    expect(await partnerList()).toContain(id);
    const consent = (consentToShare: boolean) =>
      send(server.url, 'PATCH', `/api/people/${other.id}`, gpCookie, { consentToShare });
    expect((await consent(false)).status).toBe(200);
    try {
      expect(await partnerList()).not.toContain(id);
      const moved = await setReferralStatus(server.url, partnerCookie, id, { status: 'accepted' });
      expect(moved.status).toBe(404);
      // Tame Valley's staff can no longer see it, so the team records what they hear instead.
      const recorded = await setReferralStatus(server.url, navCookie, id, {
        status: 'accepted',
        note: 'Tame Valley rang to say they have a place',
      });
      expect(recorded.status, await recorded.clone().text()).toBe(200);
      expect((await recorded.json()) as Referral).toMatchObject({
        status: 'accepted',
        updatedBy: 'team',
      });
    } finally {
      expect((await consent(true)).status).toBe(200);
    }
    expect(await partnerList()).toContain(id);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  makeReferral,
  providers,
  referNewPerson,
  serviceOf,
  setReferralStatus,
  TAME_VALLEY,
  type Referral,
} from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

const WHY = 'Ada would rather wait until the spring';

describe(`withdrawing a referral (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  let partnerCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
    partnerCookie = await login(server.url, 'partner@demo.test');
  });

  it('is the team’s, with a reason, even where the provider’s staff answer it themselves', async () => {
    const { id, person, onPlan } = await referNewPerson(server.url, navCookie, TAME_VALLEY);
    expect((await onPlan()).updatedBy).toBe('provider');

    const bare = await setReferralStatus(server.url, navCookie, id, { status: 'withdrawn' });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { fields: Record<string, string> }).fields.note).toMatch(
      /^Say why the referral is withdrawn/,
    );
    expect((await onPlan()).status).toBe('sent');

    const withdrawn = await setReferralStatus(server.url, navCookie, id, {
      status: 'withdrawn',
      note: WHY,
    });
    expect(withdrawn.status).toBe(200);
    expect(await onPlan()).toMatchObject({ status: 'withdrawn' });
    expect((await onPlan()).events.at(-1)).toMatchObject({
      status: 'withdrawn',
      note: WHY,
      by: { name: 'Jo Hartley' },
    });

    // The provider sees it withdrawn, and why, on their own list.
    const theirs = await getJson<Referral[]>(server.url, '/api/referrals', partnerCookie);
    expect(theirs.find((r) => r.id === id)?.events.at(-1)).toMatchObject({
      status: 'withdrawn',
      note: WHY,
    });

    // It has ended: nothing moves it on, and the service can be asked again.
    const late = await setReferralStatus(server.url, partnerCookie, id, { status: 'accepted' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: string }).error).toMatch(
      /^Jo Hartley withdrew this referral on .*It is finished\.$/,
    );
    const { service } = serviceOf(await providers(server.url, navCookie), TAME_VALLEY);
    await makeReferral(server.url, navCookie, person.planId, {
      serviceId: service.id,
      reason: 'Asked again in the spring',
      urgency: 'routine',
    });
  });

  it('can be done once the provider has taken it on, until it is finished', async () => {
    const { id, onPlan } = await referNewPerson(server.url, navCookie, TAME_VALLEY);
    for (const status of ['accepted', 'in-progress']) {
      const moved = await setReferralStatus(server.url, partnerCookie, id, { status });
      expect(moved.status).toBe(200);
    }
    const withdrawn = await setReferralStatus(server.url, navCookie, id, {
      status: 'withdrawn',
      note: WHY,
    });
    expect(withdrawn.status).toBe(200);
    expect((await onPlan()).status).toBe('withdrawn');

    const { id: done } = await referNewPerson(server.url, navCookie, TAME_VALLEY);
    for (const status of ['accepted', 'in-progress', 'completed']) {
      await setReferralStatus(server.url, partnerCookie, done, { status });
    }
    const tooLate = await setReferralStatus(server.url, navCookie, done, {
      status: 'withdrawn',
      note: WHY,
    });
    expect(tooLate.status).toBe(409);
  });

  it('is not the provider’s: they decline instead', async () => {
    const { id, onPlan } = await referNewPerson(server.url, navCookie, TAME_VALLEY);
    const refused = await setReferralStatus(server.url, partnerCookie, id, {
      status: 'withdrawn',
      note: WHY,
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/decline it and say why/);
    expect((await onPlan()).status).toBe('sent');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { referNewPerson, setReferralStatus, TAME_VALLEY } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

/** Heatons Money Advice has no staff signing in: the team records its answers. */
const NO_LOGIN = 'Heatons Money Advice';

describe(`declining a referral (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  let partnerCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
    partnerCookie = await login(server.url, 'partner@demo.test');
  });

  const referralTo = (provider: string) => referNewPerson(server.url, navCookie, provider);

  it('needs the partner to say why, and shows the team the reason on the plan', async () => {
    const { id, onPlan } = await referralTo(TAME_VALLEY);
    for (const note of [undefined, '   ']) {
      const bare = await setReferralStatus(server.url, partnerCookie, id, {
        status: 'declined',
        ...(note === undefined ? {} : { note }),
      });
      expect(bare.status).toBe(400);
      const answer = (await bare.json()) as { fields: Record<string, string> };
      expect(answer.fields.note).toMatch(/^Say why the referral is declined/);
    }
    const before = await onPlan();
    expect(before.status).toBe('sent');
    expect(before.events).toHaveLength(1);

    const reason = 'The Tuesday group is full until March';
    const declined = await setReferralStatus(server.url, partnerCookie, id, {
      status: 'declined',
      note: reason,
    });
    expect(declined.status).toBe(200);
    expect((await onPlan()).events.at(-1)).toMatchObject({ status: 'declined', note: reason });
  });

  it('needs the team to say why when they record a provider’s decline', async () => {
    const { id, onPlan } = await referralTo(NO_LOGIN);
    const bare = await setReferralStatus(server.url, navCookie, id, { status: 'declined' });
    expect(bare.status).toBe(400);
    expect((await onPlan()).status).toBe('sent');
    // Other moves still need no note.
    const accepted = await setReferralStatus(server.url, navCookie, id, { status: 'accepted' });
    expect(accepted.status).toBe(200);
  });

  it('says the referral has moved on, rather than asking for a reason, when it has', async () => {
    const { id } = await referralTo(TAME_VALLEY);
    expect(
      (await setReferralStatus(server.url, partnerCookie, id, { status: 'accepted' })).status,
    ).toBe(200);
    const late = await setReferralStatus(server.url, partnerCookie, id, { status: 'declined' });
    expect(late.status).toBe(409);
  });
});

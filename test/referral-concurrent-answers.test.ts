import { beforeAll, describe, expect, it } from 'vitest';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { referNewPerson, setReferralStatus, TAME_VALLEY } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

describe(`two answers to a referral at the same moment (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;
  let partnerCookies: [string, string];

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
    // The partner on the office computer and on their phone.
    partnerCookies = [
      await login(server.url, 'partner@demo.test'),
      await login(server.url, 'partner@demo.test'),
    ];
  });

  const referral = () => referNewPerson(server.url, navCookie, TAME_VALLEY);

  it('records one of two accepts, and tells the other it is accepted already', async () => {
    const { id, onPlan } = await referral();
    const answers = await Promise.all(
      partnerCookies.map((cookie, i) =>
        setReferralStatus(server.url, cookie, id, { status: 'accepted', note: `Answer ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    const { error } = (await refused.json()) as { error: string };
    expect(error).toMatch(
      /^You marked this referral as accepted on .+\. It is already accepted\. It can move to in progress\.$/,
    );
    expect((await onPlan()).events.map((e) => e.status)).toEqual(['sent', 'accepted']);
  });

  it('records one of an accept and a decline, and the other learns which', async () => {
    const { id, onPlan } = await referral();
    const [accept, decline] = await Promise.all([
      setReferralStatus(server.url, partnerCookies[0], id, { status: 'accepted' }),
      setReferralStatus(server.url, partnerCookies[1], id, {
        status: 'declined',
        note: 'No places until March',
      }),
    ]);
    expect([accept.status, decline.status].sort()).toEqual([200, 409]);
    const seen = await onPlan();
    expect(seen.events).toHaveLength(2);
    const loser = accept.status === 409 ? accept : decline;
    const { error } = (await loser.json()) as { error: string };
    expect(error).toContain(`marked this referral as ${seen.status}`);
  });
});

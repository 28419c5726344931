import { randomInt } from 'node:crypto';

/** The demo team's shared password (server/src/seed/demo-data.ts). */
export const DEMO_PASSWORD = 'careweave-demo';

/** Demo users who may edit every demo plan; the GP may also add people. */
export const DEMO_WRITERS = ['gp@demo.test', 'nurse@demo.test', 'social@demo.test'];

async function expectOk(response: Response, what: string): Promise<void> {
  if (response.ok) return;
  const body = await response.text().catch(() => '');
  throw new Error(`${what}: HTTP ${response.status} ${body.slice(0, 200)}`);
}

/** Signs a demo user in; returns the `cookie` header value carrying the session. */
export async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  await expectOk(response, `sign-in as ${email}`);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
  if (!setCookie) throw new Error(`sign-in as ${email}: no session cookie`);
  return setCookie.split(';')[0]!;
}

/**
 * A random valid NHS number in the 999 range (never issued to real people): Modulus 11 over
 * the first nine digits, weights 10 down to 2; a check value of 10 is impossible, so draw again.
 */
export function randomNhsNumber(): string {
  for (;;) {
    const digits = `999${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${digits}${check === 11 ? 0 : check}`;
  }
}

/** Adds `count` people (as the signed-in user) and returns their plans' ids, in order. */
export async function createPlans(url: string, cookie: string, count: number): Promise<string[]> {
  const planIds: string[] = [];
  while (planIds.length < count) {
    const response = await fetch(`${url}/api/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        nhsNumber: randomNhsNumber(),
        givenName: 'Bench',
        familyName: `Person ${planIds.length + 1}`,
        dateOfBirth: '1950-01-01',
        pathway: 'Prevention',
      }),
    });
    // An NHS number drawn twice is refused as taken; draw another.
    if (response.status === 409) continue;
    await expectOk(response, 'adding a person');
    const { planId } = (await response.json()) as { planId: string };
    planIds.push(planId);
  }
  return planIds;
}

/** The name of a plan's shared document, as the collaboration route expects it. */
export function planDocument(planId: string): string {
  return `plan:${planId}:shared`;
}

/** Headers for a WebSocket upgrade as a signed-in user (no Origin: not a browser). */
export function wsHeaders(cookie: string): Record<string, string> {
  return { cookie };
}

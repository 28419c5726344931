import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeRegExp, getJson, sleep } from '../support/api.js';
import {
  chooseOptionContaining,
  launchBrowser,
  sectionOf,
  signIn,
  STEP_MS,
} from '../support/browser.js';
import { login, waitFor } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import {
  addMonths,
  addPerson,
  measuresOf,
  providers,
  serviceOf,
  TAME_VALLEY,
  TODAY,
  type Dashboard,
  type Referral,
} from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

/** The control labelled "Item n" (not "Item 1n"), whatever wording follows the number. */
const itemControl = (page: Page, n: number) => page.getByLabel(new RegExp(`^Item ${n}(?!\\d)`));

/** Chooses the instrument, whether the form offers radios or a select. */
async function chooseInstrument(page: Page, instrument: 'SWEMWBS' | 'WEMWBS'): Promise<void> {
  const radio = page.getByRole('radio', { name: new RegExp(`^${instrument}\\b`) });
  if ((await radio.count()) > 0) return radio.check();
  await chooseOptionContaining(page.getByLabel('Instrument', { exact: true }), instrument);
}

/** Enters a SWEMWBS on the record form and saves it; waits until the form has gone. */
async function recordSwemwbs(
  page: Page,
  personId: string,
  takenAt: string,
  items: (number | null)[],
) {
  await page.goto(`/people/${personId}/measures/new`, { waitUntil: 'networkidle' });
  await chooseInstrument(page, 'SWEMWBS');
  await page.getByLabel('Date taken').fill(takenAt);
  for (const [i, value] of items.entries()) {
    const choice = value === null ? 'Item not answered' : String(value);
    await chooseOptionContaining(itemControl(page, i + 1), choice);
  }
  // Only seven items for SWEMWBS.
  expect(await itemControl(page, 8).count()).toBe(0);
  await page.getByRole('button', { name: 'Save scores' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/measures/new'), { timeout: STEP_MS });
}

/** The table row of a dashboard figure's section whose text matches every pattern. */
function rowOf(section: Locator, ...patterns: RegExp[]): Locator {
  let rows = section.getByRole('row');
  for (const pattern of patterns) rows = rows.filter({ hasText: pattern });
  return rows;
}

/** The number each of a table row's data cells starts with (a link may add hidden words). */
async function cellsOf(row: Locator): Promise<string[]> {
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim().match(/^\d+/)?.[0] ?? t);
}

describe(`wellbeing, a referral and the dashboard in the browser (${databaseBackend})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('shows the change after a follow-up, takes a referral to acceptance, and the GP lead’s dashboard counts both', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const gpCookie = await login(server.url, 'gp@demo.test');
    // Someone new (no seeded measures), who consented so the partner may see the referral.
    const person = await addPerson(server.url, navCookie, 'Recovery', { consent: true });
    const before = await getJson<Dashboard>(server.url, '/api/dashboard', gpCookie);
    const tameValley = serviceOf(await providers(server.url, navCookie), TAME_VALLEY).service;
    const acceptedBefore =
      before.referralsByServiceStatus.find(
        (r) => r.serviceId === tameValley.id && r.status === 'accepted',
      )?.count ?? 0;

    // The navigator enters a baseline (all 3s: 19.25) and a follow-up (all 4s: 25.03).
    const navigator = await signIn(browser, server, 'navigator@demo.test');
    await recordSwemwbs(navigator, person.id, addMonths(TODAY, -4), [3, 3, 3, 3, 3, 3, 3]);
    await recordSwemwbs(navigator, person.id, addMonths(TODAY, -1), [4, 4, 4, 4, 4, 4, 4]);
    const stored = await measuresOf(server.url, navCookie, person.id);
    expect(stored.measures.map((m) => m.score)).toEqual([19.25, 25.03]);

    // The plan's Wellbeing section shows the scores, the change and what it means.
    await navigator.goto(`/plans/${person.planId}`);
    const wellbeing = sectionOf(navigator, 'Wellbeing');
    await wellbeing
      .getByText(/meaningful/i)
      .first()
      .waitFor({ timeout: STEP_MS });
    const said = await wellbeing.innerText();
    expect(said).toContain('25.03');
    expect(said).toContain('19.25');
    expect(said).toMatch(/5\.78|5\.8\b/);
    expect(said).toMatch(/meaningful improvement|improved meaningfully|meaningful.*improve/i);
    await wellbeing
      .getByRole('img', { name: /^Wellbeing scores over time/ })
      .first()
      .waitFor({ timeout: STEP_MS });

    // …and makes a referral to Tame Valley Peer Support.
    const reason = `Would like company on a weekly walk ${Date.now()}`;
    const form = navigator.locator('form', {
      has: navigator.getByRole('button', { name: 'Send referral' }),
    });
    await chooseOptionContaining(form.getByLabel('Service', { exact: true }), tameValley.name);
    await form.getByLabel('Reason', { exact: true }).fill(reason);
    await chooseOptionContaining(form.getByLabel('Urgency', { exact: true }), 'routine');
    // A tired double click sends it once.
    await form.getByRole('button', { name: 'Send referral' }).dblclick();
    const listed = navigator
      .getByRole('list', { name: 'Referrals' })
      .getByRole('listitem')
      .filter({ hasText: reason });
    await listed.waitFor({ timeout: STEP_MS });
    expect(await listed.innerText()).toMatch(/sent/i);
    const onPlan = await getJson<Referral[]>(
      server.url,
      `/api/plans/${person.planId}/referrals`,
      navCookie,
    );
    await sleep(500);
    const sentNow = await getJson<Referral[]>(
      server.url,
      `/api/plans/${person.planId}/referrals`,
      navCookie,
    );
    expect(sentNow.filter((r) => r.reason === reason)).toHaveLength(1);
    const referral = onPlan.find((r) => r.reason === reason)!;
    expect(referral).toMatchObject({ service: { id: tameValley.id }, status: 'sent' });

    // The partner accepts it on /referrals.
    const partner = await signIn(browser, server, 'partner@demo.test');
    await partner.goto('/referrals', { waitUntil: 'networkidle' });
    const card = partner
      .locator('li, tr, article, section')
      .filter({ hasText: reason })
      .filter({ has: partner.getByRole('button', { name: 'Accept', exact: true }) })
      .last();
    await card.waitFor({ timeout: STEP_MS });
    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    await waitFor(
      async () => {
        const mine = await getJson<Referral[]>(
          server.url,
          `/api/plans/${person.planId}/referrals`,
          navCookie,
        );
        return mine.find((r) => r.id === referral.id)?.status === 'accepted';
      },
      'the referral to be accepted',
      STEP_MS,
    );
    await partner
      .locator('li, tr, article, section')
      .filter({ hasText: reason })
      .filter({ hasText: /accepted/i })
      .first()
      .waitFor({ timeout: STEP_MS });

    // The GP lead's dashboard counts one more meaningful improvement and one more accepted
    // referral to the service.
    const after = await getJson<Dashboard>(server.url, '/api/dashboard', gpCookie);
    const improved = before.wellbeingChange.meaningfulImprovement + 1;
    const accepted = acceptedBefore + 1;
    expect(after.wellbeingChange.meaningfulImprovement).toBe(improved);
    expect(after.wellbeingChange.people).toBe(before.wellbeingChange.people + 1);
    expect(
      after.referralsByServiceStatus.find(
        (r) => r.serviceId === tameValley.id && r.status === 'accepted',
      )?.count,
    ).toBe(accepted);

    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/dashboard');
    await gp
      .getByRole('heading', { name: 'Neighbourhood dashboard' })
      .waitFor({ timeout: STEP_MS });
    const change = sectionOf(gp, 'Change in wellbeing');
    await change.getByRole('img').first().waitFor({ timeout: STEP_MS });
    const improvedRow = rowOf(change, /meaningful/i, /improv/i).first();
    await improvedRow.waitFor({ timeout: STEP_MS });
    expect(await cellsOf(improvedRow)).toContain(String(improved));
    const referrals = sectionOf(gp, 'Referrals by service and status');
    await referrals.getByRole('img').first().waitFor({ timeout: STEP_MS });
    const serviceRows = rowOf(referrals, new RegExp(escapeRegExp(tameValley.name)), /accepted/i);
    if ((await serviceRows.count()) > 0) {
      // One row per service and status.
      expect(await cellsOf(serviceRows.first())).toContain(String(accepted));
    } else {
      // A service-by-status grid: the row of the service, under the "Accepted" column.
      const grid = referrals.getByRole('table').first();
      const headers = (await grid.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
      const column = headers.findIndex((h) => /^accepted$/i.test(h));
      expect(column, `columns: ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
      const row = grid.getByRole('row').filter({ hasText: tameValley.name }).first();
      const texts = await row.locator('th, td').allInnerTexts();
      expect(texts[column]!.trim()).toMatch(new RegExp(`^${accepted}(\\D|$)`));
    }
    // Each count links to the list behind it.
    const link = referrals
      .getByRole('link', { name: new RegExp(`^${accepted}(\\D|$)`) })
      .filter({ hasText: tameValley.name })
      .filter({ hasText: /accepted/i })
      .first();
    expect(await link.getAttribute('href')).toMatch(/\/dashboard\/list\?figure=referrals/);
  });

  it('keeps a response with an unanswered item unscored and says why', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const navigator = await signIn(browser, server, 'navigator@demo.test');
    await recordSwemwbs(navigator, person.id, addMonths(TODAY, -1), [3, 3, null, 3, 3, 3, 3]);
    const stored = await measuresOf(server.url, navCookie, person.id);
    expect(stored.measures).toHaveLength(1);
    expect(stored.measures[0]).toMatchObject({
      complete: false,
      score: null,
      items: [3, 3, null, 3, 3, 3, 3],
    });

    await navigator.goto(`/plans/${person.planId}`);
    const wellbeing = sectionOf(navigator, 'Wellbeing');
    await wellbeing
      .getByText('Not scored: Item 3 was not answered')
      .first()
      .waitFor({ timeout: STEP_MS });
  });
});

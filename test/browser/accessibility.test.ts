import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { listPeople, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addCase, chairStep, createMeeting, signOffPlan } from '../support/meetings.js';
import { startServer, type TestServer } from '../support/server.js';

// Every page, as each kind of user meets it, checked by axe against WCAG 2.2 A and AA and
// axe's best practices: a regression names the page, the rule and the element.

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** What axe finds wrong with the page as it is now, a line per rule and element. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(RULES)} } })
      .then((r) => r.violations)`,
  )) as Violation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${n.target.join(' ')}`));
}

describe(`accessibility of every page (${databaseBackend})`, () => {
  let server: TestServer;
  let margaret: { id: string; planId: string };

  beforeAll(async () => {
    server = await startServer();
    const cookie = await login(server.url, 'nurse@demo.test');
    margaret = (await listPeople(server.url, cookie)).find((p) => p.name === 'Margaret Ellison')!;
  });

  /** Every page, by who opens it. */
  const everyPage = (): Record<string, string[]> => ({
    'gp@demo.test': [
      '/',
      '/people',
      `/people/${margaret.id}/edit`,
      `/people/${margaret.id}/measures/new`,
      '/people/new',
      `/plans/${margaret.planId}`,
      `/plans/${margaret.planId}/copy`,
      '/meetings',
      '/dashboard',
      '/dashboard/list?figure=overdue-actions&key=none',
      '/actions',
      '/referrals',
      '/providers',
      '/account/password',
    ],
    'partner@demo.test': ['/', `/plans/${margaret.planId}`, '/referrals', '/meetings'],
    'admin@demo.test': ['/audit', '/team', '/team/new', '/providers'],
  });

  /** Opens each page as its user, and gives what `check` finds wrong there. */
  async function acrossEveryPage(
    viewport: { width: number; height: number } | null,
    check: (page: Page) => Promise<string[]>,
  ): Promise<string[]> {
    const browser = await launchBrowser();
    const found: string[] = [];
    for (const [email, paths] of Object.entries(everyPage())) {
      const page = await signIn(browser, server, email);
      if (viewport) await page.setViewportSize(viewport);
      for (const path of paths) {
        if (path === `/plans/${margaret.planId}`) await openPlan(page, margaret.planId);
        else
          expect((await page.goto(path, { waitUntil: 'networkidle' }))?.status(), path).toBe(200);
        found.push(...(await check(page)).map((v) => `${email} ${path}: ${v}`));
      }
    }
    return found;
  }

  it('finds nothing wrong on any page a team member, partner or administrator opens', async () => {
    expect(await acrossEveryPage(null, violations)).toEqual([]);
  });

  it('fits every page to a narrow phone, scrolling no page sideways (WCAG reflow)', async () => {
    // A table may scroll on its own there, so axe looks again: it must then take the focus.
    const sideways = async (page: Page) => {
      const [scroll, width] = await page.evaluate<[number, number]>(
        '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
      );
      const wider = scroll > width ? [`${scroll - width}px wider than the screen`] : [];
      return [...wider, ...(await violations(page))];
    };
    expect(await acrossEveryPage({ width: 320, height: 640 }, sideways)).toEqual([]);
  });

  it('finds nothing wrong with forms showing errors, a live meeting, a version or the minutes', async () => {
    const browser = await launchBrowser();
    const anonymous = await (await browser.newContext({ baseURL: server.url })).newPage();
    await anonymous.goto('/login', { waitUntil: 'networkidle' });
    await anonymous.getByRole('button', { name: 'Sign in' }).click();
    await anonymous.getByRole('alert').first().waitFor({ timeout: STEP_MS });
    const found = (await violations(anonymous)).map((v) => `/login with errors: ${v}`);

    const gp = await signIn(browser, server, 'gp@demo.test');
    await gp.goto('/people/new', { waitUntil: 'networkidle' });
    await gp.getByRole('button', { name: /Add/ }).first().click();
    await gp.getByRole('alert').first().waitFor({ timeout: STEP_MS });
    found.push(...(await violations(gp)).map((v) => `/people/new with errors: ${v}`));

    const cookie = await login(server.url, 'gp@demo.test');
    const meetingId = await createMeeting(server.url, cookie, new Date());
    await addCase(server.url, cookie, meetingId, { personId: margaret.id });
    await chairStep(server.url, cookie, meetingId, 'start');
    await gp.goto(`/plans/${margaret.planId}?meeting=${meetingId}`);
    await gp.getByRole('group', { name: 'Chair' }).waitFor({ timeout: STEP_MS });
    found.push(...(await violations(gp)).map((v) => `live meeting, as chair: ${v}`));
    await gp.goto(`/meetings/${meetingId}`, { waitUntil: 'networkidle' });
    found.push(...(await violations(gp)).map((v) => `meeting page: ${v}`));

    const versionId = await signOffPlan(server.url, cookie, margaret.planId, 'Agreed', meetingId);
    await chairStep(server.url, cookie, meetingId, 'close');
    for (const path of [
      `/plans/${margaret.planId}/versions/${versionId}`,
      `/plans/${margaret.planId}/versions/${versionId}/compare`,
      `/meetings/${meetingId}/minutes`,
    ]) {
      const answer = await gp.goto(path, { waitUntil: 'networkidle' });
      expect(answer?.status(), path).toBe(200);
      found.push(...(await violations(gp)).map((v) => `${path}: ${v}`));
    }
    expect(found).toEqual([]);
  });
});

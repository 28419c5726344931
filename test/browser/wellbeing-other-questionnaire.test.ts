import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sectionOf, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addMonths, addPerson, recordMeasure, same, TODAY } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`a follow-up on a different questionnaire (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('shows the change on the SWEMWBS items both hold, and says so', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Recovery');
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: addMonths(TODAY, -4),
    });
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'WEMWBS',
      items: same(14, 4),
      takenAt: addMonths(TODAY, -1),
    });

    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    await page.goto(`/plans/${person.planId}`);
    const wellbeing = sectionOf(page, 'Wellbeing');
    await wellbeing.getByText('Follow-up done').waitFor({ timeout: STEP_MS });
    const said = await wellbeing.innerText();
    // SWEMWBS all 3s is raw 21 (19.25); the WEMWBS's seven SWEMWBS items all 4s, raw 28 (25.03).
    expect(said).toMatch(/Change since baseline\s+Meaningful improvement\s+SWEMWBS \+5\.78/);
    expect(said).toContain('(from 19.25 to 25.03)');
    expect(said).toMatch(/Compared on SWEMWBS: the WEMWBS of .+ is scored on the seven SWEMWBS/);
  });
});

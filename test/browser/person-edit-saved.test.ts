import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

/** The data-testid of what has keyboard focus; a string, as this package has no DOM types. */
const FOCUSED = `document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName`;

describe(`saving a person's details (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('says on the plan that consent was withdrawn or given, and what that means', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    const consent = page.getByLabel('Consent to share with voluntary-sector partners');
    const saved = page.getByTestId('details-saved');
    // The plan drops ?saved= once it has shown the notice, so it may be gone already.
    const savedAs = (what: string) => (url: URL) =>
      url.pathname === `/plans/${person.planId}` &&
      [what, null].includes(url.searchParams.get('saved'));

    await page.goto(`/people/${person.id}/edit`, { waitUntil: 'networkidle' });
    await consent.uncheck();
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.waitForURL(savedAs('consent'), { timeout: STEP_MS });
    expect(await saved.innerText()).toContain('Consent to share is recorded as withdrawn');
    expect(await saved.getAttribute('role')).toBe('status');

    await page.goto(`/people/${person.id}/edit`, { waitUntil: 'networkidle' });
    await consent.check();
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.waitForURL(savedAs('consent'), { timeout: STEP_MS });
    expect(await saved.innerText()).toContain('Consent to share is recorded as given');

    await page.goto(`/people/${person.id}/edit`, { waitUntil: 'networkidle' });
    await page.getByLabel('GP practice').fill('Bramhall Health Centre');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.waitForURL(savedAs('details'), { timeout: STEP_MS });
    expect(await saved.innerText()).toBe(`Details of ${person.name} saved.`);
  });

  // The notice was in the page as it loaded, so a screen reader need not announce it; and it
  // came back each time the page was reloaded, long after the save.
  it('takes focus when the plan opens, and is gone once the page is reloaded', async () => {
    const navCookie = await login(server.url, 'navigator@demo.test');
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const browser = await launchBrowser();
    const page = await signIn(browser, server, 'navigator@demo.test');
    const saved = page.getByTestId('details-saved');

    await page.goto(`/people/${person.id}/edit`, { waitUntil: 'networkidle' });
    await page.getByLabel('GP practice').fill('Reddish Medical Centre');
    await page.getByRole('button', { name: 'Save details' }).click();
    await saved.waitFor({ timeout: STEP_MS });
    expect(await saved.innerText()).toBe(`Details of ${person.name} saved.`);
    await page.waitForFunction(`(${FOCUSED}) === 'details-saved'`, undefined, {
      timeout: STEP_MS,
    });
    expect(await saved.getAttribute('tabindex')).toBe('-1');
    await page.waitForURL((url) => !url.searchParams.has('saved'), { timeout: STEP_MS });
    expect(new URL(page.url()).pathname).toBe(`/plans/${person.planId}`);

    await page.reload({ waitUntil: 'networkidle' });
    expect(await saved.count()).toBe(0);
  });
});

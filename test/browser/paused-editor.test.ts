import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlan, signIn, STEP_MS } from '../support/browser.js';
import { firstPlanId, login } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { startServer, type TestServer } from '../support/server.js';

/** What a screen reader is told about the rich-text box named `label`, besides its name. */
const described = (page: Page, label: string): Promise<{ readonly: string | null; said: string }> =>
  page.evaluate(`(() => {
    const el = document.querySelector('[role="textbox"][aria-label="${label}"]');
    return {
      readonly: el.getAttribute('aria-readonly'),
      said: (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent.trim())
        .join(' '),
    };
  })()`);

describe(`a rich-text box paused because the session ended (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('is read-only to a screen reader too, and tells it why', async () => {
    const browser = await launchBrowser();
    const gp = await signIn(browser, server, 'gp@demo.test');
    await openPlan(gp, await firstPlanId(server.url, await login(server.url, 'gp@demo.test')));
    // Safeguarding has no hint of its own: the reason for the pause is all it can be told.
    await gp.getByRole('textbox', { name: 'Safeguarding' }).waitFor({ timeout: STEP_MS });
    expect(await described(gp, 'Safeguarding')).toEqual({ readonly: null, said: '' });

    expect((await gp.context().request.post('/api/auth/logout')).status()).toBe(200);
    await gp
      .getByTestId('connection-status')
      .filter({ hasText: 'Your session has ended' })
      .waitFor({ timeout: 45_000 });
    await gp.getByText('Editing paused').first().waitFor({ timeout: STEP_MS });
    const paused = await described(gp, 'Safeguarding');
    expect(paused.readonly).toBe('true');
    expect(paused.said).toContain('Your session has ended');
  });
});

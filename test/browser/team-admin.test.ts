import { beforeAll, describe, expect, it } from 'vitest';
import { focusedElement, launchBrowser, signIn, STEP_MS } from '../support/browser.js';
import { me, send } from '../support/api.js';
import { get, login, postLogin } from '../support/clients.js';
import { databaseBackend } from '../support/database.js';
import { addPerson, makeReferral, providers, serviceOf, TAME_VALLEY } from '../support/outcomes.js';
import { startServer, type TestServer } from '../support/server.js';

describe(`the Team page (${databaseBackend})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('lets an administrator add a member, change their role and chair, and remove them', async () => {
    const browser = await launchBrowser();
    const admin = await signIn(browser, server, 'admin@demo.test');
    const adminCookie = await login(server.url, 'admin@demo.test');
    const team = (await me(server.url, adminCookie)).neighbourhoods[0]!.name;
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Team' })
      .click();
    await admin.getByRole('heading', { name: 'Team', level: 1 }).waitFor({ timeout: STEP_MS });
    const gpRow = admin.getByRole('row', { name: /gp@demo\.test/ });
    expect(await gpRow.getByRole('combobox').inputValue()).toBe('gp_lead');
    // A GP lead always chairs: the page says so rather than offering to let them.
    expect(await gpRow.innerText()).toContain('Yes, as GP lead');
    expect(await gpRow.getByRole('button', { name: /Let chair/ }).count()).toBe(0);

    await admin.getByRole('link', { name: 'Add a member' }).click();
    await admin.getByRole('button', { name: 'Add member' }).click();
    const summary = admin.getByRole('alert');
    await summary
      .getByRole('link', { name: 'Enter the email address' })
      .waitFor({ timeout: STEP_MS });
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Enter the email address',
      'Enter the name',
      'Choose a role',
    ]);
    // Each field says, to a screen reader there, what is wrong with it.
    const describedAs = (label: string) =>
      admin.getByLabel(label, { exact: true }).evaluate((el) => {
        const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
        const said = ids.map((id: string) =>
          el.ownerDocument.getElementById(id)?.textContent?.trim(),
        );
        return [el.getAttribute('aria-invalid'), said.join(' ')];
      });
    expect(await describedAs('Email address')).toEqual([
      'true',
      'If they already have a Careweave account, this is enough. Enter the email address',
    ]);
    expect(await describedAs('Full name')).toEqual(['true', 'Enter the name']);
    expect(await describedAs('Role')).toEqual(['true', 'Choose a role']);
    expect(await describedAs('Organisation (optional)')).toEqual([null, '']);

    const email = `sam.page.${Date.now()}@demo.test`;
    await admin.getByLabel('Email address').fill(email);
    await admin.getByLabel('Full name').fill('Sam Page');
    await admin.getByLabel('Role').selectOption({ label: 'Practice nurse' });
    await admin.getByLabel('Organisation (optional)').fill('Heatons Practice');
    await admin.getByRole('button', { name: 'Add member' }).click();
    await admin
      .getByRole('heading', { name: 'Sam Page is in the team' })
      .waitFor({ timeout: STEP_MS });
    // Shown once, above the form it was added from: the reader is taken to it.
    expect(await admin.evaluate("document.activeElement?.getAttribute('role')")).toBe('status');
    const password = await admin.getByTestId('temporary-password').innerText();
    const samCookie = await login(server.url, email, password);
    expect((await me(server.url, samCookie)).role).toBe('nurse');

    await admin.goto('/team', { waitUntil: 'networkidle' });
    const row = admin.getByRole('row', { name: /Sam Page/ });
    await row.getByLabel('Role of Sam Page').selectOption({ label: 'Pharmacist' });
    await row.getByRole('button', { name: 'Change role of Sam Page' }).click();
    await admin.getByRole('status').filter({ hasText: 'Sam Page is now Pharmacist' }).waitFor({
      state: 'attached',
      timeout: STEP_MS,
    });
    await expect.poll(() => me(server.url, samCookie).then((m) => m.role)).toBe('pharmacist');

    await row.getByRole('button', { name: /Let chair/ }).click();
    await row.getByRole('button', { name: /Stop chairing/ }).waitFor({ timeout: STEP_MS });

    // Removing asks first; Cancel keeps them, with the focus back on Remove.
    await row.getByRole('button', { name: 'Remove Sam Page from the team' }).click();
    const confirm = row.getByRole('form', { name: /^Remove Sam Page from/ });
    expect(await confirm.innerText()).toContain('can no longer open');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() =>
        row
          .getByRole('button', { name: 'Remove Sam Page from the team' })
          .evaluate((el) => el === el.ownerDocument.activeElement),
      )
      .toBe(true);
    expect((await me(server.url, samCookie)).neighbourhoods).toHaveLength(1);
    await row.getByRole('button', { name: 'Remove Sam Page from the team' }).click();
    await row.getByRole('button', { name: 'Yes, remove' }).click();
    await expect
      .poll(() => admin.getByRole('row', { name: /Sam Page/ }).count(), {
        timeout: STEP_MS,
      })
      .toBe(0);
    expect((await me(server.url, samCookie)).neighbourhoods).toEqual([]);

    // The trail says whom each change was about and what it was.
    await admin.goto('/audit', { waitUntil: 'networkidle' });
    const trail = async (action: RegExp) =>
      (await admin.getByRole('row', { name: action }).first().innerText()).split('\t');
    expect((await trail(/Changed a team member’s role/)).slice(-2)).toEqual([
      'Sam Page',
      'Practice nurse → Pharmacist',
    ]);
    expect((await trail(/Changed who may chair/)).slice(-2)).toEqual([
      'Sam Page',
      `May chair in ${team}`,
    ]);
    expect((await trail(/Removed a team member/)).slice(-2)).toEqual(['Sam Page', `From ${team}`]);
  });

  it('adds a partner linked to the provider chosen, and moves them to another', async () => {
    const MONEY_ADVICE = 'Heatons Money Advice';
    // A referral to each provider, of someone who consented to share with partners.
    const navCookie = await login(server.url, 'navigator@demo.test');
    const directory = await providers(server.url, navCookie);
    const { planId } = await addPerson(server.url, navCookie, 'Recovery', { consent: true });
    for (const name of [MONEY_ADVICE, TAME_VALLEY]) {
      await makeReferral(server.url, navCookie, planId, {
        serviceId: serviceOf(directory, name).service.id,
        reason: `Referred to ${name}`,
        urgency: 'routine',
      });
    }

    const browser = await launchBrowser();
    const admin = await signIn(browser, server, 'admin@demo.test');
    await admin.goto('/team/new', { waitUntil: 'networkidle' });
    const email = `jo.partner.${Date.now()}@demo.test`;
    await admin.getByLabel('Email address').fill(email);
    await admin.getByLabel('Full name').fill('Jo Partner');
    await admin.getByLabel('Role').selectOption({ label: 'Voluntary-sector partner' });
    await admin.getByLabel('Organisation (optional)').fill('Tame Valley Peer Support CIC');
    // A partner works for a provider in the directory: the page asks which.
    await admin.getByRole('button', { name: 'Add member' }).click();
    await admin
      .getByRole('alert')
      .getByRole('link', {
        name: 'Choose the organisation they work for from the provider directory',
      })
      .waitFor({ timeout: STEP_MS });
    await admin.getByLabel('Provider they work for').selectOption({ label: MONEY_ADVICE });
    await admin.getByRole('button', { name: 'Add member' }).click();
    await admin
      .getByRole('heading', { name: 'Jo Partner is in the team' })
      .waitFor({ timeout: STEP_MS });
    const temporary = await admin.getByTestId('temporary-password').innerText();
    const own = 'jo chose this phrase';
    const joCookie = await login(server.url, email, temporary);
    const change = { current: temporary, next: own, confirm: own };
    expect((await send(server.url, 'POST', '/api/me/password', joCookie, change)).status).toBe(204);

    const jo = await signIn(browser, server, email, own);
    const referralsSay = async (provider: string) => {
      await jo.goto('/referrals', { waitUntil: 'networkidle' });
      await jo.getByText(`Referrals made to ${provider}.`).waitFor({ timeout: STEP_MS });
      return jo.getByRole('list', { name: 'Referrals' }).innerText();
    };
    const before = await referralsSay(MONEY_ADVICE);
    expect(before).toContain(`Referred to ${MONEY_ADVICE}`);
    expect(before).not.toContain(`Referred to ${TAME_VALLEY}`);

    await admin.goto('/team', { waitUntil: 'networkidle' });
    const row = admin.getByRole('row', { name: /Jo Partner/ });
    expect(await row.innerText()).toContain(`Provider: ${MONEY_ADVICE}`);
    await row.getByLabel('Provider Jo Partner works for').selectOption({ label: TAME_VALLEY });
    await row.getByRole('button', { name: 'Change provider of Jo Partner' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `Jo Partner now works for ${TAME_VALLEY}` })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    const after = await referralsSay(TAME_VALLEY);
    expect(after).toContain(`Referred to ${TAME_VALLEY}`);
    expect(after).not.toContain(`Referred to ${MONEY_ADVICE}`);

    // No longer a partner: no provider. A partner again: the role asks for one.
    await row.getByLabel('Role of Jo Partner').selectOption({ label: 'Care navigator' });
    await row.getByRole('button', { name: 'Change role of Jo Partner' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'Jo Partner is now Care navigator' })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    expect(await row.innerText()).not.toContain('Provider:');
    await row.getByLabel('Role of Jo Partner').selectOption({ label: 'Voluntary-sector partner' });
    await row.getByRole('button', { name: 'Change role of Jo Partner' }).click();
    // The message at the top leads to the field it is about, in Jo's row.
    const missing = admin.getByRole('alert').getByRole('link', { name: /provider directory/ });
    await missing.waitFor({ timeout: STEP_MS });
    const field = admin.locator((await missing.getAttribute('href'))!);
    expect(await field.count()).toBe(1);
    expect(await row.locator((await missing.getAttribute('href'))!).count()).toBe(1);
    // There, a screen reader hears what is wrong.
    expect(
      await field.evaluate((el) => [
        el.getAttribute('aria-invalid'),
        el.ownerDocument.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
      ]),
    ).toEqual(['true', 'Choose the organisation they work for from the provider directory']);
    await row.getByLabel('Role of Jo Partner').selectOption({ label: 'Voluntary-sector partner' });
    await row.getByLabel('Provider they work for').selectOption({ label: MONEY_ADVICE });
    await row.getByRole('button', { name: 'Change role of Jo Partner' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'Jo Partner is now Voluntary-sector partner' })
      .waitFor({ state: 'attached', timeout: STEP_MS });
    await expect.poll(() => row.innerText()).toContain(`Provider: ${MONEY_ADVICE}`);
    expect((await me(server.url, joCookie)).providerId).toBe(
      serviceOf(directory, MONEY_ADVICE).provider.id,
    );

    await admin.goto('/audit', { waitUntil: 'networkidle' });
    const changes = await admin
      .getByRole('row', { name: /Changed a partner’s provider/ })
      .allInnerTexts();
    expect(changes.map((text) => text.split('\t').slice(-2))).toEqual([
      ['Jo Partner', `Linked to ${MONEY_ADVICE}`],
      ['Jo Partner', `No longer linked to ${TAME_VALLEY}`],
      ['Jo Partner', `${MONEY_ADVICE} → ${TAME_VALLEY}`],
    ]);
  });

  it('resets a member’s password, asked first, and shows the temporary one just once', async () => {
    const adminCookie = await login(server.url, 'admin@demo.test');
    const email = `lee.reset.${Date.now()}@demo.test`;
    const added = await send(server.url, 'POST', '/api/team/members', adminCookie, {
      name: 'Lee Reset',
      email,
      role: 'nurse',
    });
    const { temporaryPassword: first } = (await added.json()) as { temporaryPassword: string };
    const own = 'lee chose this one';
    const change = { current: first, next: own, confirm: own };
    const firstCookie = await login(server.url, email, first);
    expect((await send(server.url, 'POST', '/api/me/password', firstCookie, change)).status).toBe(
      204,
    );
    const browser = await launchBrowser();
    const lee = await signIn(browser, server, email, own);
    const admin = await signIn(browser, server, 'admin@demo.test');
    await admin.goto('/team', { waitUntil: 'networkidle' });
    const row = admin.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    const reset = row.getByRole('button', { name: 'Reset password of Lee Reset' });

    await reset.click();
    const yes = row.getByRole('button', { name: 'Yes, reset their password' });
    await yes.waitFor({ timeout: STEP_MS });
    expect(await row.innerText()).toContain('signed out everywhere at once');
    expect(await focusedElement(admin)).toBe('BUTTON: Yes, reset their password');
    await admin.keyboard.press('Escape');
    await reset.waitFor({ timeout: STEP_MS });
    expect(await focusedElement(admin)).toBe('BUTTON: Reset password of Lee Reset');
    expect((await get(server.url, '/api/me', firstCookie)).status).toBe(200);

    await reset.click();
    await yes.click();
    const shown = row.getByTestId('temporary-password');
    await shown.waitFor({ timeout: STEP_MS });
    const temporary = await shown.innerText();
    expect(await focusedElement(admin)).toMatch(/^DIV: Give Lee Reset this temporary password/);
    expect(await row.getByRole('status').innerText()).toContain(temporary);
    expect((await get(server.url, '/api/me', firstCookie)).status).toBe(401);

    // Lee, mid-session elsewhere, is signed out; the old password no longer works.
    await lee.goto('/people');
    await lee.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: STEP_MS });
    expect((await postLogin(server.url, email, own)).status).toBe(401);
    await lee.getByLabel('Email address').fill(email);
    await lee.getByLabel('Password').fill(temporary);
    await lee.getByRole('button', { name: 'Sign in' }).click();
    await lee.getByRole('heading', { name: 'Change your password' }).waitFor({ timeout: STEP_MS });

    await admin.reload({ waitUntil: 'networkidle' });
    expect(await admin.getByTestId('temporary-password').count()).toBe(0);
    // Every member's controls are within the page, none pushed off its right-hand side.
    const overhang = await admin.evaluate(`(() => {
      const main = document.querySelector('main').getBoundingClientRect();
      return Math.round(document.querySelector('table').getBoundingClientRect().right - main.right);
    })()`);
    expect(overhang).toBeLessThanOrEqual(0);
    // One's own password is changed from one's account, not reset here.
    const you = admin.getByRole('row', { name: /admin@demo\.test/ });
    expect(await you.getByRole('button', { name: /Reset password/ }).count()).toBe(0);
    expect(await you.getByRole('link', { name: 'Change your password' }).count()).toBe(1);
  });

  it('refuses anyone else with a clear message, and offers them no Team link', async () => {
    const browser = await launchBrowser();
    const nurse = await signIn(browser, server, 'nurse@demo.test');
    const nav = nurse.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Team' }).count()).toBe(0);
    const res = await nurse.goto('/team');
    expect(res?.status()).toBe(403);
    await nurse
      .getByText('Only a team administrator can manage the team')
      .waitFor({ timeout: STEP_MS });
  });
});

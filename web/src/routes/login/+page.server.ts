import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { safeNext } from '$lib/server/guard';
import { setSessionCookie } from '$lib/server/session-cookie';
import { tooManyAttempts } from './rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
  return { ended: url.searchParams.has('ended'), signedOut: url.searchParams.has('signed-out') };
};

/** A refusal: what was typed, and either one message for both fields or one per empty field. */
function refuse(status: number, email: string, message: string | null, missing = {}) {
  return fail(status, { email, message, missing: missing as Record<string, string> });
}

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    // Said as what to do, and not counted against the account's attempts: Enter pressed in the
    // email field before the password was typed is not a wrong password.
    const missing = {
      ...(email.trim() ? {} : { email: 'Enter your email address' }),
      ...(password ? {} : { password: 'Enter your password' }),
    };
    if (Object.keys(missing).length > 0) return refuse(400, email, null, missing);
    const result = await runtime().auth.login(email, password, getClientAddress());

    if (!result.ok) {
      if (result.reason === 'rate-limited') {
        return refuse(429, email, tooManyAttempts(result.retryAfterSeconds));
      }
      return refuse(400, email, 'Email or password is not right');
    }

    setSessionCookie(cookies, url, result.token, result.expiresAt);
    redirect(303, safeNext(url.searchParams.get('next')));
  },
};

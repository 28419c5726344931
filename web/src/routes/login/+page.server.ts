import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { safeNext } from '$lib/server/guard';
import { setSessionCookie } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
};

function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return `${n} minute${n === 1 ? '' : 's'}`;
}

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const result = await runtime().auth.login(email, password, getClientAddress());

    if (!result.ok) {
      if (result.reason === 'rate-limited') {
        return fail(429, {
          email,
          message: `Too many attempts. Try again in ${minutes(result.retryAfterSeconds)}`,
        });
      }
      return fail(400, { email, message: 'Email or password is not right' });
    }

    setSessionCookie(cookies, url, result.token, result.expiresAt);
    redirect(303, safeNext(url.searchParams.get('next')));
  },
};

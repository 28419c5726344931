import { fail } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { sessionToken } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  return { temporary: user.mustChangePassword };
};

export const actions: Actions = {
  change: async ({ locals, url, request, cookies }) => {
    const user = requireUser(locals, url);
    const form = await request.formData();
    const field = (name: string) => String(form.get(name) ?? '');
    const result = await runtime().auth.changePassword(user, sessionToken(cookies), {
      current: field('current'),
      next: field('next'),
      confirm: field('confirm'),
    });
    // Passwords are never sent back to the page, not even the ones typed.
    if (!result.ok) return fail(result.status, { errors: result.fields ?? { next: result.error } });
    // Answered in place, not by a redirect to this page: a success clears the form, so the
    // passwords just typed are not left in it (to be sent again and refused as not right).
    return { changed: true };
  },
};

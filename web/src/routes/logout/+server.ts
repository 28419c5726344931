import { redirect } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { clearSessionCookie, sessionToken } from '$lib/server/session-cookie';
import type { RequestHandler } from './$types';

/** Signing out is a POST (the header's form), so a link or prefetch can never do it. */
export const POST: RequestHandler = async ({ cookies, locals, url }) => {
  await runtime().auth.logout(sessionToken(cookies), locals.user?.id ?? null);
  clearSessionCookie(cookies, url);
  redirect(303, '/login?signed-out');
};

import { json, redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { BACKGROUND_HEADER } from '@careweave/shared';
import { runtime } from '@careweave/server/runtime';
import { clearSessionCookie, sessionToken, setSessionCookie } from '$lib/server/session-cookie';
import { signInPath } from '$lib/server/guard';
import { formField, readableForm } from '$lib/server/form-request';
import { SIGNED_IN_AS_FIELD } from '$lib/form-refusal';

const PUBLIC_PATHS = new Set(['/login']);
const CHANGE_PASSWORD = '/account/password';
const CHANGE_PASSWORD_PATHS = new Set([CHANGE_PASSWORD, '/logout']);
/** An action's failure as `enhance` reads it, its data in devalue form (see $lib/form-refusal). */
const SESSION_ENDED_ANSWER = {
  type: 'failure',
  status: 401,
  data: JSON.stringify([{ sessionEnded: 1 }, true]),
};
const signedInAsOtherAnswer = (name: string) => ({
  type: 'failure',
  status: 409,
  data: JSON.stringify([{ signedInAsOther: 1 }, name]),
});

export const handle: Handle = async ({ event, resolve }) => {
  const token = sessionToken(event.cookies);
  const activity = !event.request.headers.has(BACKGROUND_HEADER);
  const session = await runtime().sessions.validate(token, { activity });
  event.locals.user = session?.user ?? null;

  if (session && token) {
    // Sliding expiry: the cookie lives as long as the session now does.
    setSessionCookie(event.cookies, event.url, token, session.expiresAt);
  } else if (token) {
    clearSessionCookie(event.cookies, event.url);
  }

  if (!session && !PUBLIC_PATHS.has(event.url.pathname)) {
    // A form sent from a page whose session ended meanwhile is refused, not sent off to sign in:
    // going there would throw away the page and what was typed in the form.
    if (event.request.method === 'POST' && event.request.headers.get('x-sveltekit-action')) {
      return json(SESSION_ENDED_ANSWER);
    }
    // A cookie with no session behind it: the session ended (timed out, or signed out elsewhere),
    // and the sign-in page says so rather than appear out of nowhere.
    redirect(303, token ? `${signInPath(event.url)}&ended` : signInPath(event.url));
  }
  // A temporary password was shown to an administrator: its holder chooses their own first.
  if (session?.user.mustChangePassword && !CHANGE_PASSWORD_PATHS.has(event.url.pathname)) {
    redirect(303, CHANGE_PASSWORD);
  }
  const request = await readableForm(event.request);
  if (request instanceof Response) return request;
  event.request = request;
  // Sent from a page loaded for someone else, who has since been replaced in this browser:
  // saving it would put their work under this person's name.
  if (session && request.headers.get('x-sveltekit-action')) {
    const sentAs = await formField(request, SIGNED_IN_AS_FIELD);
    if (sentAs !== null && sentAs !== session.user.id) {
      return json(signedInAsOtherAnswer(session.user.name));
    }
  }
  return resolve(event);
};

/** Only the service's own failures are logged; a mangled address or form is the sender's. */
export const handleError: HandleServerError = ({ error, status, message }) => {
  if (status >= 500) console.error(error);
  return { message };
};

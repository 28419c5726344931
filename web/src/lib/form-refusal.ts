/** The field an enhanced form adds, naming who the page was signed in as when it was loaded. */
export const SIGNED_IN_AS_FIELD = 'signedInAs';

/**
 * Why a form was turned away before its action ran: the page's session has ended, or someone
 * else has signed in in this browser since the page was loaded, and what it sends would be
 * saved under their name.
 */
export type FormRefusal = { kind: 'session-ended' } | { kind: 'signed-in-as-other'; name: string };

/** The failures hooks.server answers with, as `enhance` reads an action's result. */
export function formRefusal(result: {
  type: string;
  data?: Record<string, unknown>;
}): FormRefusal | null {
  if (result.type !== 'failure') return null;
  if (result.data?.sessionEnded === true) return { kind: 'session-ended' };
  const name = result.data?.signedInAsOther;
  return typeof name === 'string' ? { kind: 'signed-in-as-other', name } : null;
}

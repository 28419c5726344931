import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/** A form's sending state, for `sendOnce`; pass it in as `$state`. */
export interface Sending {
  /** On its way: another press is dropped, and the button can say so. */
  value: boolean;
  /** The last try never reached the server (the network or the server was down). */
  unreached: boolean;
}

/** What a form says when `Sending.unreached`: the page and what was typed stay as they were. */
export const UNREACHED_MESSAGE =
  'This was not sent because Careweave could not be reached. What you entered is still here: check your connection, then try again.';

/**
 * A field's `aria-describedby`: its hint's id, if it has one, and `<field>-error` while it has an
 * error, so a screen reader at the field hears both.
 */
export function describedBy(
  errors: Record<string, string>,
  field: string,
  hint?: string,
): string | undefined {
  return [hint, errors[field] ? `${field}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** Whether an action's answer says the session ended before the form arrived (hooks.server). */
export function sessionEnded(result: { type: string; data?: Record<string, unknown> }): boolean {
  return result.type === 'failure' && result.data?.sessionEnded === true;
}

/**
 * An enhance callback that sends a form once however often its button is pressed: a second
 * press while the first is on its way is dropped, and `sending` lets the button say so. With
 * `reloadOnFailure`, a refusal also reloads the page's data, since it may mean the page was out
 * of date (someone else moved the record on); the refused form's answer, and what was typed in
 * it, stay. A try that never reached the server leaves the page alone: showing the error page
 * would throw away the form and any live plan edits still waiting for the connection.
 */
export function sendOnce(
  sending: Sending,
  { reloadOnFailure = false }: { reloadOnFailure?: boolean } = {},
): SubmitFunction {
  return ({ cancel }) => {
    if (sending.value) return cancel();
    sending.value = true;
    sending.unreached = false;
    return async ({ result, update }) => {
      try {
        // An error the server sent has its status; a failed fetch has none.
        if (result.type === 'error' && result.status === undefined) {
          sending.unreached = true;
          return;
        }
        await update();
        // Reloading without a session would go to the sign-in page, leaving what was typed.
        if (reloadOnFailure && result.type === 'failure' && !sessionEnded(result)) {
          await invalidateAll();
        }
      } finally {
        sending.value = false;
      }
    };
  };
}

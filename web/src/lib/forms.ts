import { tick } from 'svelte';
import { invalidateAll } from '$app/navigation';
import { page } from '$app/state';
import type { SubmitFunction } from '@sveltejs/kit';
import { formRefusal, SIGNED_IN_AS_FIELD } from './form-refusal';
import { refusedForm } from './refused-form.svelte';

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

/**
 * Every enhanced form goes through this: it says who the page is signed in as, so that hooks.server
 * turns the form away, rather than save it under someone else's name, if another person has
 * signed in in this browser since; and a form turned away that way, or because the session
 * ended, leaves the page and what was typed alone and puts up the layout's banner instead. The
 * form's own callback, if it has one, still runs and sees the refusal.
 */
export function guarded(submit?: SubmitFunction): SubmitFunction {
  return async (input) => {
    const me = page.data.user?.id;
    if (typeof me === 'string') input.formData.set(SIGNED_IN_AS_FIELD, me);
    const after = await submit?.(input);
    return async (outcome) => {
      const refusal = formRefusal(outcome.result);
      refusedForm.current = refusal;
      if (after) await after(outcome);
      else if (!refusal) await outcome.update();
    };
  };
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
  {
    reloadOnFailure = false,
    onSuccess,
  }: {
    reloadOnFailure?: boolean;
    /**
     * Called with what was sent once the action succeeded and the page shows its answer.
     * SvelteKit has then put focus back on the page body: this is where a form moves it on.
     */
    onSuccess?: (sent: FormData) => void;
  } = {},
): SubmitFunction {
  return guarded(({ cancel, formData }) => {
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
        // Turned away before the action ran: the page stays as it is, banner and all.
        if (formRefusal(result)) return;
        await update();
      } finally {
        sending.value = false;
      }
      if (result.type === 'success' && onSuccess) {
        await tick();
        onSuccess(formData);
      }
      // The answer is on screen by now; the reload behind it must not hold the next press.
      if (reloadOnFailure && result.type === 'failure') await invalidateAll();
    };
  });
}

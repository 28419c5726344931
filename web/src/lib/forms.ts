import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * An enhance callback that sends a form once however often its button is pressed: a second
 * press while the first is on its way is dropped, and `busy` lets the button say so. With
 * `reloadOnFailure`, a refusal also reloads the page's data, since it may mean the page was out
 * of date (someone else moved the record on); the refused form's answer, and what was typed in
 * it, stay.
 */
export function sendOnce(
  busy: { value: boolean },
  { reloadOnFailure = false }: { reloadOnFailure?: boolean } = {},
): SubmitFunction {
  return ({ cancel }) => {
    if (busy.value) return cancel();
    busy.value = true;
    return async ({ result, update }) => {
      try {
        await update();
        if (reloadOnFailure && result.type === 'failure') await invalidateAll();
      } finally {
        busy.value = false;
      }
    };
  };
}

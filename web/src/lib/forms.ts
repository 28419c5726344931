import type { SubmitFunction } from '@sveltejs/kit';

/**
 * An enhance callback that sends a form once however often its button is pressed: a second
 * press while the first is on its way is dropped, and `busy` lets the button say so.
 */
export function sendOnce(busy: { value: boolean }): SubmitFunction {
  return ({ cancel }) => {
    if (busy.value) return cancel();
    busy.value = true;
    return async ({ update }) => {
      try {
        await update();
      } finally {
        busy.value = false;
      }
    };
  };
}

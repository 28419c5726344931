/**
 * A keydown handler for the answers to a "Are you sure …?" question: Escape answers "no", as
 * Cancel does, the way a dialog closes on Escape.
 */
export function cancelOnEscape(cancel: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };
}

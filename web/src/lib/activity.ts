import { BACKGROUND_HEADER } from '@careweave/shared';

/** No key, click, touch or scroll for this long, and the page's own refreshes stop counting. */
const QUIET_MS = 60_000;

let lastInput = Date.now();
let listening = false;

function listen() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const seen = () => (lastInput = Date.now());
  for (const kind of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
    window.addEventListener(kind, seen, { capture: true, passive: true });
  }
}

/**
 * Headers for a request the page makes by itself: marked as background when no one has used the
 * page lately, so an open screen does not keep the session alive, while someone typing into a
 * plan (which goes over the socket, not as requests) still does.
 */
export function refreshHeaders(): Record<string, string> {
  listen();
  return Date.now() - lastInput > QUIET_MS ? { [BACKGROUND_HEADER]: '1' } : {};
}

listen();

import { onMount } from 'svelte';
import { refreshHeaders } from './activity';
import { apiGet } from './meetings';
import type { ReferralView } from './outcomes';

/** How often an open page looks again at where its referrals have got to. */
const REFRESH_MS = 30_000;

/**
 * Referrals a page loaded, looked at again now and then: a provider or a colleague may move
 * one, or make a new one, while the page is open. What is found holds until the page's data is
 * loaded again (after a form), which wins. Call while a component starts.
 */
export function referralsLookedAgain(
  loaded: () => ReferralView[],
  path: () => string,
  within: () => HTMLElement | undefined,
): { readonly current: ReferralView[] } {
  // Raw: `over` is compared by identity with what was loaded, which a deep proxy would not be.
  let looked = $state.raw<{ over: ReferralView[]; referrals: ReferralView[] } | null>(null);

  onMount(() => {
    const timer = setInterval(async () => {
      const area = within();
      if (document.visibilityState !== 'visible' || !area) return;
      // Not under a note being written: its form would change, or go, as it is typed.
      const notes = area.querySelectorAll<HTMLInputElement>('input[name="note"]');
      if ([...notes].some((note) => note.value.trim() !== '')) return;
      const over = loaded();
      try {
        looked = { over, referrals: await apiGet<ReferralView[]>(path(), refreshHeaders()) };
      } catch {
        // Offline or signed out: the page says so elsewhere; look again next time.
      }
    }, REFRESH_MS);
    return () => clearInterval(timer);
  });

  return {
    get current() {
      const now = loaded();
      return looked?.over === now ? looked.referrals : now;
    },
  };
}

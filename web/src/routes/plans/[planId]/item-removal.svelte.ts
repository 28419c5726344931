import { tick } from 'svelte';
import { Announcement } from '$lib/announcement.svelte';
import { focusForNow } from '$lib/focus-for-now';

/**
 * Removing items from one list: what went is read out, and the item now in its place takes the
 * focus (or the last, or the list's heading once none is left), as the button pressed has gone
 * with the item.
 */
export class ItemRemoval {
  /** The list's card and heading, bound in the page. */
  card = $state<HTMLElement>();
  heading = $state<HTMLElement>();
  /** A polite status, said again when a second item of the same words goes. */
  readonly said = new Announcement();

  async remove(itemId: string, words: string, remove: () => void): Promise<void> {
    const { card, heading } = this;
    if (!card || !heading) return;
    const items = () => [...card.querySelectorAll<HTMLElement>('.plan-list > li')];
    const index = items().findIndex((item) => item.dataset.itemId === itemId);
    remove();
    void this.said.say(words);
    await tick();
    const left = items();
    focusForNow(left[Math.min(index, left.length - 1)] ?? heading);
  }
}

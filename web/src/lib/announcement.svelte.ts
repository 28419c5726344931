/** How long a live region stays empty before words go back in, for a screen reader to notice. */
const EMPTIED_MS = 100;

/**
 * The words of a live region (an alert or a status) that are read out each time they are said,
 * the same words twice in a row included: a region left as it was is not read out again, so
 * words already showing are taken away first and put back once that has been noticed.
 */
export class Announcement {
  text = $state('');
  #turn = 0;

  /** Shows `words` and has them read out, even when they are already showing; '' clears. */
  async say(words: string): Promise<void> {
    if (!words) return this.clear();
    const turn = ++this.#turn;
    if (this.text) {
      this.text = '';
      await new Promise((done) => setTimeout(done, EMPTIED_MS));
      // Cleared or said otherwise meanwhile: the later call has the last word.
      if (turn !== this.#turn) return;
    }
    this.text = words;
  }

  /** Takes the words away, and any still waiting to be put back. */
  clear(): void {
    this.#turn++;
    this.text = '';
  }
}

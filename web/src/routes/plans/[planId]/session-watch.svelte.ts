import { readSessionAnswer, type SessionAnswer } from './session-answer';

/** How often to ask who is signed in while our session is over. */
const ASK_EVERY_MS = 3_000;

/**
 * After the server has ended our session (4401), asks it who is signed in in this browser, every
 * few seconds and whenever the page comes back into view, until it is us again; then calls
 * `onReturn` once. Someone else signing in is reported, never acted on: the work on the page is
 * ours and must not be sent under their name. Browser only; `stop()` when leaving the page.
 */
export class SessionWatch {
  /** What the server last said; `ours` until the session ends. */
  answer = $state<SessionAnswer>({ kind: 'ours' });
  #timer: ReturnType<typeof setInterval> | undefined;
  #asking = false;

  constructor(
    private readonly myId: string,
    private readonly onReturn: () => void,
  ) {}

  /** Starts watching for the session's return; calling it again while watching does nothing. */
  watch(): void {
    if (this.#timer !== undefined) return;
    this.answer = { kind: 'none' };
    this.#timer = setInterval(this.ask, ASK_EVERY_MS);
    addEventListener('focus', this.ask);
    document.addEventListener('visibilitychange', this.ask);
    void this.ask();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    removeEventListener('focus', this.ask);
    document.removeEventListener('visibilitychange', this.ask);
  }

  private ask = async (): Promise<void> => {
    if (this.#asking || this.#timer === undefined) return;
    this.#asking = true;
    try {
      const response = await fetch('/api/me', { cache: 'no-store' });
      const body: unknown = response.ok ? await response.json() : null;
      const answer = readSessionAnswer(response.status, body, this.myId);
      // Stopped while the question was out (the page closed, or an earlier answer was ours).
      if (!answer || this.#timer === undefined) return;
      this.answer = answer;
      if (answer.kind === 'ours') {
        this.stop();
        this.onReturn();
      }
    } catch {
      // Not reachable (still offline): the next tick asks again.
    } finally {
      this.#asking = false;
    }
  };
}

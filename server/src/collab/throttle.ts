/**
 * Runs an async task at most once per interval, never two at once, and always once more after
 * the last request, so that the final state is never left out. The task must not reject: the
 * caller decides what a failure means (rooms log it).
 */
export class Throttle {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #requested = false;
  #stopped = false;
  #lastStart = -Infinity;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  /** Asks for a run: at once if the last one started long enough ago, else when it has. */
  request(): void {
    if (this.#stopped) return;
    this.#requested = true;
    this.#schedule();
  }

  /** Stops further runs, waits for one in flight, then runs the task a last time. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    while (this.#running) await this.#running;
    await this.task();
  }

  #schedule(): void {
    // A run in flight reschedules itself when it ends if someone asked meanwhile.
    if (this.#timer || this.#running) return;
    const wait = Math.max(0, this.#lastStart + this.intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#run();
    }, wait);
  }

  #run(): void {
    this.#requested = false;
    this.#lastStart = Date.now();
    this.#running = this.task().finally(() => {
      this.#running = null;
      if (this.#requested && !this.#stopped) this.#schedule();
    });
  }
}

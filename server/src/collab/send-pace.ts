import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** How long a room gathers one kind of change before sending it. */
export interface SendWindow {
  /** The window while the process has time to spare (0: the end of the event loop's turn). */
  quietMs: number;
  /** The window while it is fully busy. */
  busyMs: number;
}

/** Below this share of time spent working the process counts as quiet. */
const QUIET_BELOW = 0.3;
/** At and above this share it counts as fully busy. */
const BUSY_FROM = 0.7;

/**
 * The window for a process that spent `utilization` (0–1) of the last sample working:
 * `quietMs` up to 30 % busy, rising in proportion to `busyMs` at 70 % and above, before
 * queues form: a loop that is busy most of the time delays everything it handles.
 */
export function windowFor(utilization: number, window: SendWindow): number {
  const busy = Math.min(1, Math.max(0, (utilization - QUIET_BELOW) / (BUSY_FROM - QUIET_BELOW)));
  return Math.round(window.quietMs + busy * (window.busyMs - window.quietMs));
}

/**
 * How long every room of the process gathers presence before sending it, from how busy the
 * event loop was over the last sample. While the process has time to spare, carets go out
 * within the quiet window; once it is busy, most of its time goes to writing to sockets, one
 * write per connection per send, so the window stretches and each write carries more carets:
 * the process keeps up with more people, and carets arrive a little later rather than ever
 * later. Edits never wait on a window (see Broadcaster), and the update log keeps its few
 * milliseconds whatever the load: they decide what a crash can take.
 */
export class SendPace {
  #utilization = 0;
  #last: EventLoopUtilization = performance.eventLoopUtilization();
  readonly #timer: NodeJS.Timeout;

  constructor(sampleMs: number) {
    this.#timer = setInterval(() => this.#sample(), sampleMs);
    this.#timer.unref();
  }

  windowMs(window: SendWindow): number {
    return windowFor(this.#utilization, window);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #sample(): void {
    const now = performance.eventLoopUtilization();
    this.#utilization = performance.eventLoopUtilization(now, this.#last).utilization;
    this.#last = now;
  }
}

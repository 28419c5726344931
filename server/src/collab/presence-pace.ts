import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export interface PresencePaceOptions {
  /** The window while the process has time to spare. */
  quietMs: number;
  /** The window while it is fully busy. */
  busyMs: number;
  /** How often the process's busyness is measured. */
  sampleMs: number;
}

/** Below this share of time spent working the process counts as quiet. */
const QUIET_BELOW = 0.5;
/** At and above this share it counts as fully busy. */
const BUSY_FROM = 0.9;

/**
 * The presence window for a process that spent `utilization` (0–1) of the last sample working:
 * `quietMs` up to half busy, rising in proportion to `busyMs` at nine tenths and above.
 */
export function presenceWindowFor(utilization: number, options: PresencePaceOptions): number {
  const busy = Math.min(1, Math.max(0, (utilization - QUIET_BELOW) / (BUSY_FROM - QUIET_BELOW)));
  return Math.round(options.quietMs + busy * (options.busyMs - options.quietMs));
}

/**
 * How long every room of the process gathers presence changes before sending them. Carets
 * follow typing closely while the process has time to spare; once it is busy, the window
 * stretches, since with carets moving in every plan presence is most of what the process
 * writes: edits keep their pace and remote carets move a little less smoothly.
 */
export class PresencePace {
  #windowMs: number;
  #last: EventLoopUtilization = performance.eventLoopUtilization();
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly options: PresencePaceOptions) {
    this.#windowMs = options.quietMs;
    this.#timer = setInterval(() => this.#sample(), options.sampleMs);
    this.#timer.unref();
  }

  get windowMs(): number {
    return this.#windowMs;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #sample(): void {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, this.#last);
    this.#last = now;
    this.#windowMs = presenceWindowFor(utilization, this.options);
  }
}

import { LatencyHistogram } from '../metrics.js';
import type { DocumentStore, LogEntry } from './store.js';

/** A document whose accepted updates go to the log, told when they are committed. */
export interface LogTarget {
  readonly name: string;
  /** Entries now in the log, in the order they were accepted. */
  stored(entries: LogEntry[]): void;
}

interface Queued {
  entries: LogEntry[];
  /** When each entry arrived (performance.now()), for the commit window. */
  arrivals: number[];
}

export interface LogWriterOptions {
  /** Updates arriving within this many milliseconds share one insert. */
  batchMs: number;
  log(message: string): void;
}

/**
 * The process's single path to the update log. Every room's accepted updates within `batchMs`
 * go to the database in one insert, so a thousand typing rooms cost a few statements a
 * second, not thousands. One write is in flight at a time; a failed write keeps its entries,
 * ahead of newer ones, and is retried.
 */
export class LogWriter {
  #queue = new Map<LogTarget, Queued>();
  #timer: NodeJS.Timeout | null = null;
  #cycle: Promise<void> = Promise.resolve();
  /** From an update's arrival to the commit of its log row. */
  readonly commitWindow = new LatencyHistogram();
  rowsWritten = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: LogWriterOptions,
  ) {}

  add(target: LogTarget, entry: LogEntry): void {
    let queued = this.#queue.get(target);
    if (!queued) {
      queued = { entries: [], arrivals: [] };
      this.#queue.set(target, queued);
    }
    queued.entries.push(entry);
    queued.arrivals.push(performance.now());
    this.#timer ??= setTimeout(() => void this.flush().catch(() => {}), this.options.batchMs);
  }

  /** Writes everything queued so far; resolves once it is committed, rejects if that failed. */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const written = this.#cycle.then(() => this.#write());
    // The chain itself never rejects, so one failed write does not block the next.
    this.#cycle = written.catch(() => {});
    return written;
  }

  async #write(): Promise<void> {
    if (this.#queue.size === 0) return;
    const taken = this.#queue;
    this.#queue = new Map();
    try {
      await this.store.append(
        [...taken].map(([target, { entries }]) => ({ documentName: target.name, entries })),
      );
    } catch (error) {
      for (const [target, queued] of this.#queue) {
        const older = taken.get(target);
        if (older) {
          older.entries.push(...queued.entries);
          older.arrivals.push(...queued.arrivals);
        } else taken.set(target, queued);
      }
      this.#queue = taken;
      this.options.log(`could not write the update log: ${String(error)}`);
      this.#timer ??= setTimeout(() => void this.flush().catch(() => {}), 1000);
      throw error;
    }
    const committed = performance.now();
    for (const [target, { entries, arrivals }] of taken) {
      for (const arrival of arrivals) this.commitWindow.record(committed - arrival);
      this.rowsWritten += entries.length;
      target.stored(entries);
    }
  }
}

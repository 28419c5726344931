import * as Y from 'yjs';
import { transactTracked, type LogEntry } from '../collab/store.js';

/** A day's length, for seeding dates relative to now. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Times relative to one "now", so a seeded history always reads as recent. */
export class Clock {
  constructor(readonly now = new Date()) {}

  /** That many days before now. */
  ago(days: number): Date {
    return new Date(this.now.getTime() - days * DAY_MS);
  }

  /** The date (YYYY-MM-DD, UTC) that many days from now; negative for the past. */
  date(days: number): string {
    return new Date(this.now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
  }
}

/**
 * A document written step by step, each step by one person at one time, kept as the update
 * log rows a room would have written, so that history and authorship read true.
 */
export class SeededDocument {
  readonly doc = new Y.Doc();
  readonly entries: (LogEntry & { at: Date })[] = [];

  /** Makes one attributed change. */
  as(authorId: string, at: Date, write: (doc: Y.Doc) => void): void {
    transactTracked(
      this.doc,
      authorId,
      () => write(this.doc),
      (update) => this.entries.push({ update, authorId, at }),
    );
  }
}
